using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Core.Remediation;
using FleetCast.Server.Options;

namespace FleetCast.Server.Remediation;

/// <summary>Runs one approved action once, with a timeout and no retry (a remediation that may already have
/// happened is not repeated): a webhook is one HTTP POST of a JSON body; a command is one process started
/// without a shell, its arguments passed as a list.</summary>
public sealed class RemediationExecutor(HttpClient client, RemediationOptions options)
{
    private readonly HttpClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly RemediationOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    private TimeSpan Timeout => TimeSpan.FromSeconds(_options.TimeoutSeconds);

    public Task<RemediationResult> RunAsync(ConfiguredRemediationRule rule, RemediationAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(action);
        return rule.Kind == ConfiguredRemediationRule.WebhookKind
            ? PostAsync(rule, action, cancellationToken)
            : RunCommandAsync(rule, action.Trigger, cancellationToken);
    }

    private async Task<RemediationResult> PostAsync(ConfiguredRemediationRule rule, RemediationAction action, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, rule.WebhookFor(action.Trigger))
            {
                // Serialised up front so the body goes with a Content-Length (some receivers do not take chunked bodies).
                Content = new StringContent(JsonSerializer.Serialize(Body(action), FleetJson.Options), Encoding.UTF8, "application/json"),
            };
            if (rule.BearerToken is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            return new RemediationResult(response.IsSuccessStatusCode, status, null, Truncate(body),
                response.IsSuccessStatusCode ? null : $"the webhook answered HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RemediationResult(false, null, null, null, $"no answer within {_options.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return new RemediationResult(false, null, null, null, $"the webhook could not be reached: {e.HttpRequestError}");
        }
    }

    private async Task<RemediationResult> RunCommandAsync(ConfiguredRemediationRule rule, RemediationTrigger trigger, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(rule.Command!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in rule.ArgumentsFor(trigger))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        void Append(string? line)
        {
            lock (output)
            {
                if (line is not null && output.Length <= _options.MaxOutputChars)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new RemediationResult(false, null, null, null, $"the command could not be started: {e.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new RemediationResult(false, null, null, Truncate(Text(output)), $"killed after {_options.TimeoutSeconds} s");
        }

        process.WaitForExit();
        return new RemediationResult(process.ExitCode == 0, null, process.ExitCode, Truncate(Text(output)),
            process.ExitCode == 0 ? null : $"exit code {process.ExitCode}");
    }

    private static object Body(RemediationAction action) => new
    {
        actionId = action.Id,
        rule = action.Rule,
        mode = RemediationModes.ToWire(action.Mode),
        server = action.Server,
        profile = action.Profile,
        metric = action.Metric,
        level = action.Level == Core.Alerts.AlertSeverity.Critical ? "critical" : "warning",
        value = action.Value,
        alertStartedAt = action.AlertStartedAt,
        approvedBy = action.DecidedBy,
    };

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private string? Truncate(string text) =>
        text.Length == 0 ? null : text.Length <= _options.MaxOutputChars ? text : text[.._options.MaxOutputChars] + "…";
}
