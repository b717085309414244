using FleetCast.Core.Profiles;
using FleetCast.Simulator.Behaviour;

namespace FleetCast.Simulator.Tests.Behaviour;

public sealed class BehaviourTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 1, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Saturday = new(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Activity_Weekend_IsQuieterThanWeekday()
    {
        foreach (var profile in ProfileNames.All)
        {
            Assert.True(DailyRhythm.Activity(profile, Saturday.AddHours(12)) < DailyRhythm.Activity(profile, Wednesday.AddHours(12)));
        }
    }

    [Fact]
    public void Hourly_ProfileTweaks_FollowReference()
    {
        Assert.Equal(0.8, DailyRhythm.Hourly(ServerProfile.Generic, 3));
        Assert.Equal(1.2, DailyRhythm.Hourly(ServerProfile.Generic, 17));
        Assert.True(DailyRhythm.Hourly(ServerProfile.MlCompute, 3) > DailyRhythm.Hourly(ServerProfile.MlCompute, 20));
        Assert.True(DailyRhythm.Hourly(ServerProfile.WebApi, 3) < DailyRhythm.Hourly(ServerProfile.Generic, 3));
        Assert.True(DailyRhythm.Hourly(ServerProfile.Database, 17) > DailyRhythm.Hourly(ServerProfile.Generic, 17));
        Assert.True(DailyRhythm.Hourly(ServerProfile.DataIngest, 12) > DailyRhythm.Hourly(ServerProfile.Generic, 12));
        Assert.All(ProfileNames.All, p => Assert.All(Enumerable.Range(0, 24), h => Assert.InRange(DailyRhythm.Hourly(p, h), 0.5, 1.5)));
    }

    [Fact]
    public void Activity_Between_Hours_IsInterpolated()
    {
        var halfPastSix = DailyRhythm.Activity(ServerProfile.Generic, Wednesday.AddHours(6.5));

        Assert.Equal(0.9, halfPastSix, 9);
    }

    [Fact]
    public void Ar1Noise_LongRun_HasUnitVarianceAndLagOneCorrelationPhi()
    {
        var random = new Random(3);
        var noise = new Ar1Noise(1, 0.85, random);
        var values = new double[40_000];
        for (var i = 0; i < values.Length; i++)
        {
            noise.Advance(random);
            values[i] = noise[0];
        }

        var mean = values.Average();
        var variance = values.Average(v => (v - mean) * (v - mean));
        var lag1 = Enumerable.Range(1, values.Length - 1).Average(i => (values[i] - mean) * (values[i - 1] - mean)) / variance;
        Assert.InRange(variance, 0.85, 1.15);
        Assert.InRange(lag1, 0.82, 0.88);
    }

    [Fact]
    public void Next_FromCritical_GoesOfflineAtReferenceRatesAndMoreForProblemChildren()
    {
        var machine = new StateMachine(0.02, 0);
        var random = new Random(8);

        double OfflineShare(bool problemChild) => Enumerable.Range(0, 20_000)
            .Count(_ => machine.Next(ServerState.CriticalIssue, 12, problemChild, random) == ServerState.Offline) / 20_000.0;

        Assert.InRange(OfflineShare(false), 0.38, 0.42);
        Assert.InRange(OfflineShare(true), 0.58, 0.62);
    }

    [Fact]
    public void Next_FromHealthyInTheMorning_SpikesMoreOftenThanInTheEvening()
    {
        var machine = new StateMachine(0, 0);
        var random = new Random(8);

        int Spikes(int hour) => Enumerable.Range(0, 20_000).Count(_ => machine.Next(ServerState.Healthy, hour, false, random) == ServerState.MorningSpike);

        Assert.InRange(Spikes(8) / 20_000.0, 0.07, 0.09);
        Assert.InRange(Spikes(20) / 20_000.0, 0.015, 0.025);
    }

    [Fact]
    public void Next_WithoutIncidentProbability_NeverGoesCriticalFromHealthy()
    {
        var machine = new StateMachine(0, 0);
        var random = new Random(8);

        Assert.DoesNotContain(Enumerable.Range(0, 20_000).Select(i => machine.Next(ServerState.Healthy, i % 24, true, random)), s => s == ServerState.CriticalIssue);
    }

    [Fact]
    public void Intensity_NightlyJob_IsZeroBeforeFullAtTwoAndZeroAfter()
    {
        var job = NightlyBatchJob.For(ServerProfile.DataIngest, new Random(2))!;

        Assert.Equal(0, job.Intensity(Wednesday.AddMinutes(50)));
        Assert.Equal(1, job.Intensity(Wednesday.AddHours(2)));
        Assert.Equal(0, job.Intensity(Wednesday.AddHours(3.5)));
        Assert.Null(NightlyBatchJob.For(ServerProfile.WebApi, new Random(2)));
    }

    [Fact]
    public void Usage_DiskAroundRotation_DropsBackToBaseline()
    {
        var disk = new DiskLogRotation(new Random(5), problemChild: false);
        var rotation = Wednesday.AddMinutes(disk.RotationMinuteOfDay);

        var justBefore = disk.Usage(rotation.AddMinutes(-5));
        var justAfter = disk.Usage(rotation);
        var laterThatDay = disk.Usage(rotation.AddHours(12));

        Assert.True(justBefore > justAfter + 3);
        Assert.True(laterThatDay > justAfter);
        Assert.InRange(justBefore, 0, 100);
    }
}
