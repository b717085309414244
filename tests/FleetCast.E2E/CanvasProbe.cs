using Microsoft.Playwright;

namespace FleetCast.E2E;

/// <summary>Reads what a chart really drew: pixel counts of its canvas (ECharts draws on a transparent
/// canvas, so any pixel with alpha is ink).</summary>
internal static class CanvasProbe
{
    private const string CountScript = """
        ([selector, mode]) => {
          let total = 0;
          for (const canvas of document.querySelectorAll(selector + ' canvas')) {
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 0; i < data.length; i += 4) {
              const r = data[i], g = data[i + 1], b = data[i + 2], a = data[i + 3];
              if (mode === 'ink' ? a > 0
                  : a > 10 && a < 100 && r > g + 20 && b > g + 60) {
                total++;
              }
            }
          }
          return total;
        }
        """;

    /// <summary>Pixels drawn at all in the charts matching <paramref name="selector"/>.</summary>
    public static Task<int> InkAsync(IPage page, string selector) => page.EvaluateAsync<int>(CountScript, new object[] { selector, "ink" });

    /// <summary>Pixels of the translucent violet p10–p90 band fill (rgba(124, 58, 237, 0.18)).</summary>
    public static Task<int> BandFillAsync(IPage page, string selector) => page.EvaluateAsync<int>(CountScript, new object[] { selector, "band" });
}
