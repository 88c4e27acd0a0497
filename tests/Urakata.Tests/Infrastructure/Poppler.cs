using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using SkiaSharp;

namespace Urakata.Tests.Infrastructure;

/// <summary>Reads PDFs back the way a user would (poppler-utils: pdftotext, pdffonts, pdfinfo, pdftoppm) and counts red ink.</summary>
internal static class Poppler
{
    public static string Text(string path, params string[] options) => Run("pdftotext", [.. options, path, "-"]);

    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is missing: apt-get install -y poppler-utils ({e.Message})", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill();
                throw new TimeoutException($"{tool} did not finish in 30 s.");
            }

            Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {error}");
            return output.Result;
        }
    }

    public static int RedPixels(SKBitmap image, double xMm, double yMm, double sizeMm, double dpi = 60)
    {
        var pxPerMm = dpi / 25.4;
        var count = 0;
        for (var y = (int)((yMm - (sizeMm / 2)) * pxPerMm); y < (yMm + (sizeMm / 2)) * pxPerMm; y++)
        {
            for (var x = (int)((xMm - (sizeMm / 2)) * pxPerMm); x < (xMm + (sizeMm / 2)) * pxPerMm; x++)
            {
                var c = image.GetPixel(x, y);
                if (c.Red > 160 && c.Green < 110 && c.Blue < 110)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Renders page 1 at 60 dpi to <paramref name="pngBase"/>.png and returns the file.</summary>
    public static string PageOneToPng(string pdfPath, string pngBase)
    {
        Run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngBase);
        return pngBase + ".png";
    }

    /// <summary>How many separate red 日付印 sit in the 承認欄 band of page 1 (60 dpi): runs of red columns apart by a gap.</summary>
    public static int RedStamps(string png, double bandTopMm = 53, double bandBottomMm = 74)
    {
        const double PxPerMm = 60 / 25.4;
        using var image = SKBitmap.Decode(png);
        var stamps = 0;
        var gap = int.MaxValue;
        for (var x = 0; x < image.Width; x++)
        {
            var red = false;
            for (var y = (int)(bandTopMm * PxPerMm); y < bandBottomMm * PxPerMm && !red; y++)
            {
                var c = image.GetPixel(x, y);
                red = c.Red > 160 && c.Green < 110 && c.Blue < 110;
            }
            if (red && gap > 2 * PxPerMm)
            {
                stamps++;
            }
            gap = red ? 0 : gap == int.MaxValue ? gap : gap + 1;
        }
        return stamps;
    }
}
