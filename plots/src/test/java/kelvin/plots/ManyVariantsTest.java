package kelvin.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

/** Charts of 8 to 12 variants (the report facets above 12) keep every line and band apart. */
class ManyVariantsTest {

    /** CIE L*a*b* of an sRGB colour (D65 white). */
    private static double[] lab(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    /** The CIE76 colour difference: about 2.3 is just noticeable, 25 is plainly another colour. */
    private static double deltaE(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    @Test
    void twelveVariantsGetTwelveDistinctSolidColours() {
        assertEquals(12, Palette.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(0, Palette.cycle(i), "variant " + i + " is drawn solid");
            for (int j = 0; j < i; j++) {
                assertTrue(deltaE(Palette.color(i), Palette.color(j)) >= 25,
                        "variants " + j + " and " + i + " look alike: " + Palette.hex(j) + " " + Palette.hex(i));
            }
        }
        assertEquals(1, Palette.cycle(12), "the thirteenth variant repeats a colour, so it is dashed");
    }

    @Test
    void bandsGetLighterAboveFourSoThatStackedBandsStaySeeThrough() {
        assertEquals(ChartRenderer.BAND_ALPHA, ChartRenderer.bandAlpha(1));
        assertEquals(ChartRenderer.BAND_ALPHA, ChartRenderer.bandAlpha(4));
        int previous = ChartRenderer.BAND_ALPHA;
        for (int bands = 5; bands <= 12; bands++) {
            int alpha = ChartRenderer.bandAlpha(bands);
            assertTrue(alpha < previous || alpha == ChartRenderer.MIN_BAND_ALPHA, bands + " bands: " + alpha);
            assertTrue(alpha >= ChartRenderer.MIN_BAND_ALPHA, bands + " bands: " + alpha);
            // the ink of all bands together stays near that of four bands
            assertTrue(alpha * bands <= ChartRenderer.BAND_ALPHA * 4 || alpha == ChartRenderer.MIN_BAND_ALPHA);
            previous = alpha;
        }
    }
}
