package kelvin.plots;

import java.awt.Graphics2D;
import org.knowm.xchart.XYChart;

/**
 * An XChart chart whose whole picture is drawn by our own code.
 *
 * <p>Why: XChart's encoders turn any chart into PNG ({@code BitmapEncoder}) or SVG
 * ({@code VectorGraphicsEncoder}) by calling {@link #paint}, and a figure XChart cannot draw well
 * (a gridworld heatmap with walls, a top-to-bottom row order and per-cell labels) can reuse both
 * encoders by overriding that one method, with no second vector-graphics dependency.
 */
final class PaintedChart extends XYChart {

    /** Draws a complete figure. */
    @FunctionalInterface
    interface Painter {

        /**
         * Draws the figure.
         *
         * @param g graphics to draw on, bitmap or vector
         * @param width figure width
         * @param height figure height
         */
        void paint(Graphics2D g, int width, int height);
    }

    private final Painter painter;

    PaintedChart(int width, int height, Painter painter) {
        super(width, height);
        this.painter = painter;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        painter.paint(g, width, height);
    }
}
