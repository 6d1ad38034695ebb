using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Pipeline.Testing;

/// <summary>
/// What a person on a phone meets on a page, checked in Chromium: nothing wider than the viewport (tables scroll in
/// their own box or reflow), no two labels of a chart overlapping, every text at least 4.5:1 (large text too) against
/// its background computed element by element (Browser/contrast.js), and axe-core (npm, pinned in package.json) with
/// no violation of its WCAG 2 A/AA rules.
/// </summary>
public static class PageChecks
{
    /// <summary>The width of the phone the pages are tried on (an iPhone 12–15's CSS width).</summary>
    public const int PhoneWidth = 390;

    /// <summary>The page is no wider than its viewport; names the widest elements where it is.</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var result = await page.EvaluateAsync<JsonElement>(@"() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.body.querySelectorAll('*')].map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(x => x.r.right > width + 1 && x.r.width > 0)
              .sort((a, b) => b.r.right - a.r.right).slice(0, 5)
              .map(x => x.e.tagName.toLowerCase() + (x.e.className && x.e.className.baseVal === undefined ? '.' + x.e.className : '') + ' ' + Math.round(x.r.right));
            return { scrollWidth: document.documentElement.scrollWidth, width, wide };
        }");
        var scroll = result.GetProperty("scrollWidth").GetInt32();
        var width = result.GetProperty("width").GetInt32();
        Assert.True(scroll <= width, $"{what} is {scroll} px wide in a {width} px viewport; widest: {result.GetProperty("wide")}");
    }

    /// <summary>No two text labels of any SVG chart on the page overlap; returns how many labels were compared.</summary>
    public static async Task<int> AssertNoOverlappingLabelsAsync(IPage page, string chartSelector)
    {
        var result = await page.EvaluateAsync<JsonElement>(@"(selector) => {
            const overlaps = []; let labels = 0;
            for (const chart of document.querySelectorAll(selector)) {
              const boxes = [...chart.querySelectorAll('text')].map(t => ({ t: t.textContent, r: t.getBoundingClientRect() }))
                .filter(b => b.r.width > 0);
              labels += boxes.length;
              for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].r, b = boxes[j].r;
                if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlaps.push(boxes[i].t + ' / ' + boxes[j].t);
              }
            }
            return { labels, overlaps };
        }", chartSelector);
        Assert.Empty(result.GetProperty("overlaps").EnumerateArray().Select(o => o.GetString()));
        return result.GetProperty("labels").GetInt32();
    }

    /// <summary>Every element with its own visible text passes WCAG contrast; returns how many were computed.</summary>
    public static async Task<int> AssertContrastAsync(IPage page, string what)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Browser", "contrast.js"));
        var texts = (await page.EvaluateAsync<JsonElement>(script)).EnumerateArray().ToList();
        Assert.NotEmpty(texts);
        var failing = texts.Where(t => !t.GetProperty("pass").GetBoolean()).Select(t => t.ToString()).ToList();
        Assert.True(failing.Count == 0, $"{what}: {failing.Count} of {texts.Count} texts below their contrast:\n" + string.Join('\n', failing.Take(20)));
        return texts.Count;
    }

    /// <summary>axe-core's WCAG 2 A/AA rules (and its best practices) find no violation on the page.</summary>
    public static async Task AssertAxeAsync(IPage page, string what)
    {
        var axe = Path.Combine(RepositoryRoot.Find(), "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe))
        {
            throw new InvalidOperationException($"{axe} is missing: run npm ci in the repository (.ci/run does).");
        }

        // Evaluated through the DevTools protocol, not a script tag: a page's Content-Security-Policy (the portal's
        // default-src 'self') blocks an inline tag, and the check must not need the page's policy weakened.
        await page.EvaluateAsync(await File.ReadAllTextAsync(axe) + "\n;true");
        var result = await page.EvaluateAsync<JsonElement>(@"async () => {
            const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                                                resultTypes: ['violations'] });
            return { version: axe.version, violations: r.violations.map(v => v.id + ': ' + v.help + ' — ' +
                     v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/\s+/g, ' ') + ')').join('; ')) };
        }");
        Assert.Equal("4.14.1", result.GetProperty("version").GetString());
        var violations = result.GetProperty("violations").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{what}: axe-core found\n" + string.Join('\n', violations));
    }

    /// <summary>All four checks on a page at the phone's width, and a screenshot of the whole page for people to look at.</summary>
    public static async Task AssertPhoneReadyAsync(IPage page, string what, string screenshot, string? chartSelector = null)
    {
        await AssertFitsAsync(page, what);
        if (chartSelector is not null)
        {
            Assert.True(await AssertNoOverlappingLabelsAsync(page, chartSelector) > 0, $"{what}: no chart labels found");
        }

        await AssertContrastAsync(page, what);
        await page.ScreenshotAsync(new() { Path = HeadlessBrowser.ScreenshotPath(screenshot), FullPage = true });
        await AssertAxeAsync(page, what);
    }
}
