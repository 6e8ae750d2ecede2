package kelvin.plots;

import static kelvin.plots.Palette.FRAME;
import static kelvin.plots.Palette.MUTED;
import static kelvin.plots.Palette.TEXT;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Draws a {@link Heatmap}: title, grid of cells with row and column indices (or the axes' titles
 * and labels), a colour bar with ticks, and legend swatches for walls, for values the log scale
 * cannot show and for the outlined cell.
 */
final class HeatmapPainter extends Painter {

    /** Fill of cells that are not part of the grid (NaN). */
    static final Color WALL = new Color(0x9A, 0x9A, 0x9A);

    /** Fill of cells whose value the log scale cannot show (zero or negative). */
    static final Color OFF_SCALE = Color.WHITE;

    /** Outline of the marked cell: vermillion stands out against every viridis colour. */
    static final Color MARK = new Color(0xD5, 0x5E, 0x00);

    /** The smallest font of cell texts, in px at the default width. */
    private static final float SMALLEST_TEXT = 11;

    /** Most lines a column label may wrap onto. */
    private static final int MAX_LABEL_LINES = 3;

    private static final String NO_DATA = "no data";
    private static final String WALL_TEXT = "no cell (wall)";
    private static final String OFF_SCALE_TEXT = "0 or less";
    private static final String CLIPPED_TEXT = "values beyond the bar: end colour";

    private final Heatmap map;
    private final ColorScale scale;

    HeatmapPainter(Heatmap map, float scale) {
        super(scale);
        this.map = map;
        ColorScale.Builder range = new ColorScale.Builder(map.logScale());
        if (map.range() != null) {
            range.add(map.range().low());
            range.add(map.range().high());
        } else {
            for (int r = 0; r < map.rows(); r++) {
                for (int c = 0; c < map.columns(); c++) {
                    range.add(map.at(r, c));
                }
            }
        }
        this.scale = range.build();
    }

    private boolean onScale(double v) {
        return scale.onScale(v);
    }

    private boolean hasScale() {
        return !scale.isEmpty();
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        clear(g, width, height);

        int pad = px(16);
        int top = pad + Titles.paint(g, map.title(), width, pad, s) + px(12);

        int rows = map.rows();
        int cols = map.columns();
        if (rows == 0 || cols == 0) {
            g.setFont(font(Font.ITALIC, 20));
            g.setColor(Palette.NEUTRAL);
            drawCentered(g, NO_DATA, width / 2.0, (top + height) / 2.0);
            return;
        }

        Font indexFont = font(Font.PLAIN, named() ? 15 : 13);
        g.setFont(indexFont);
        FontMetrics indexMetrics = g.getFontMetrics();
        int rowLabelWidth = widest(indexMetrics, rowLabels()) + px(8) + axisTitleSpace(g, map.rowAxis());
        int colLabelHeight = indexMetrics.getHeight() + px(4) + axisTitleSpace(g, map.columnAxis());
        int panelWidth = panelWidth(g);

        int left = pad + rowLabelWidth;
        int right = width - pad - panelWidth;
        int bottom = height - pad;
        int lineHeight = indexMetrics.getHeight();
        double cell = cellSize(left, right, top + colLabelHeight, bottom);
        // named columns too wide for their cells wrap at spaces, or else stand upright, the grid shrinking
        // to make room for them; failing both, every k-th column is labelled
        List<List<String>> columnLines = null;
        boolean upright = false;
        int labelBlock = indexMetrics.getHeight();
        if (map.columnAxis() != null) {
            columnLines = wrap(indexMetrics, cell);
            int lines = lines(columnLines);
            if (columnLines != null && lines > 1) {
                int extra = (lines - 1) * indexMetrics.getHeight();
                double wrappedCell = cellSize(left, right, top + colLabelHeight + extra, bottom);
                List<List<String>> again = wrap(indexMetrics, wrappedCell);
                columnLines = lines(again) <= lines ? again : null;
                if (columnLines != null) {
                    cell = wrappedCell;
                    colLabelHeight += extra;
                    labelBlock += extra;
                }
            }
            if (columnLines == null) {
                int extra = widest(indexMetrics, columnLabels()) - indexMetrics.getHeight();
                double uprightCell = cellSize(left, right, top + colLabelHeight + extra, bottom);
                if (uprightCell >= indexMetrics.getHeight()) {
                    upright = true;
                    cell = uprightCell;
                    colLabelHeight += extra;
                    labelBlock += extra;
                }
            }
        }
        int gridTop = top + colLabelHeight;
        double gridWidth = cell * cols;
        double gridHeight = cell * rows;
        double x0 = left + (right - left - gridWidth) / 2;
        double y0 = gridTop + (bottom - gridTop - gridHeight) / 2;

        paintCells(g, x0, y0, cell);
        paintMark(g, x0, y0, cell);
        paintIndices(g, indexFont, x0, y0, cell, columnLines, upright);
        paintAxisTitles(g, indexMetrics, x0, y0, cell, labelBlock);
        paintPanel(g, x0 + gridWidth + px(36), y0, gridHeight, top, bottom);
    }

    /** The side of a square cell when the grid fills the box from left to right and from gridTop to bottom. */
    private double cellSize(int left, int right, int gridTop, int bottom) {
        double cell = Math.floor(Math.min((right - left) / (double) map.columns(),
            (bottom - gridTop) / (double) map.rows()));
        return Math.max(cell, 1);
    }

    /**
     * The column labels broken at spaces into lines no wider than a cell, or null when a word is
     * wider or a label would need more than {@value #MAX_LABEL_LINES} lines.
     */
    private List<List<String>> wrap(FontMetrics m, double cell) {
        double room = cell - px(6);
        List<List<String>> wrapped = new ArrayList<>();
        for (String label : columnLabels()) {
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String word : label.split(" ")) {
                if (m.stringWidth(word) > room) {
                    return null;
                }
                String longer = line.isEmpty() ? word : line + " " + word;
                if (m.stringWidth(longer) <= room) {
                    line = longer;
                } else {
                    lines.add(line);
                    line = word;
                }
            }
            lines.add(line);
            if (lines.size() > MAX_LABEL_LINES) {
                return null;
            }
            wrapped.add(lines);
        }
        return wrapped;
    }

    /** How many lines the wrapped labels take; more than any label may when they do not wrap. */
    private static int lines(List<List<String>> wrapped) {
        return wrapped == null ? MAX_LABEL_LINES + 1 : wrapped.stream().mapToInt(List::size).max().orElse(1);
    }

    private void paintCells(Graphics2D g, double x0, double y0, double cell) {
        boolean labels = cell >= px(40);
        CellFont valueFont = cellFont(g, cell);
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                double v = map.at(r, c);
                Color fill = colorOf(v);
                Rectangle2D.Double box = new Rectangle2D.Double(x0 + c * cell, y0 + r * cell, cell, cell);
                g.setColor(fill);
                g.fill(box);
                String text = cellText(r, c);
                if (labels && !text.isEmpty()) {
                    g.setFont(valueFont.font());
                    g.setColor(luminance(fill) > 0.45 ? TEXT : Color.WHITE);
                    FontMetrics m = g.getFontMetrics();
                    String[] lines = text.split("\n");
                    if (valueFont.firstLinesOnly()) {
                        lines = new String[] {lines[0]};
                    }
                    double first = box.getCenterY() - (lines.length - 1) * m.getHeight() / 2.0
                        + (m.getAscent() - m.getDescent()) / 2.0;
                    for (int i = 0; i < lines.length; i++) {
                        drawCentered(g, lines[i], box.getCenterX(), first + i * m.getHeight());
                    }
                }
            }
        }
        // separators between cells, then a frame so white (off-scale) cells still read as cells
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        g.setColor(new Color(0xDD, 0xDD, 0xDD));
        for (int c = 1; c < map.columns(); c++) {
            double x = x0 + c * cell;
            g.draw(new Line2D.Double(x, y0, x, y0 + map.rows() * cell));
        }
        for (int r = 1; r < map.rows(); r++) {
            double y = y0 + r * cell;
            g.draw(new Line2D.Double(x0, y, x0 + map.columns() * cell, y));
        }
        g.setColor(FRAME);
        g.draw(new Rectangle2D.Double(x0, y0, map.columns() * cell, map.rows() * cell));
    }

    /** The text of a cell: its own when the map has texts, else its value, none for a missing cell. */
    private String cellText(int r, int c) {
        if (map.cellTexts() != null) {
            return map.cellTexts().get(r).get(c);
        }
        double v = map.at(r, c);
        return Double.isNaN(v) ? "" : compact(v);
    }

    /**
     * The value font and whether each cell prints only its first line: 15 px at most and a quarter
     * of the cell; with texts of the map's own, small enough that every text fits inside its cell
     * with a margin, and when that would take a font below {@value #SMALLEST_TEXT} px, the first lines
     * alone (e.g. an estimate without its interval) at the size where those fit.
     */
    private CellFont cellFont(Graphics2D g, double cell) {
        float size = Math.min(15, (float) (cell / s / 4));
        if (map.cellTexts() == null) {
            return new CellFont(font(Font.PLAIN, size), false);
        }
        for (boolean firstLines : new boolean[] {false, true}) {
            for (float fitting = 15; fitting >= SMALLEST_TEXT; fitting -= 0.5f) {
                Font f = font(Font.PLAIN, fitting);
                if (fits(g.getFontMetrics(f), cell * 0.9, firstLines)) {
                    return new CellFont(f, firstLines);
                }
            }
        }
        return new CellFont(font(Font.PLAIN, SMALLEST_TEXT), true);
    }

    /** The font of the cells' texts, and whether they print their first lines only. */
    private record CellFont(Font font, boolean firstLinesOnly) {
    }

    private boolean fits(FontMetrics m, double room, boolean firstLines) {
        for (List<String> row : map.cellTexts()) {
            for (String text : row) {
                String[] lines = text.split("\n");
                int count = firstLines ? 1 : lines.length;
                if (count * m.getHeight() > room) {
                    return false;
                }
                for (int i = 0; i < count; i++) {
                    if (m.stringWidth(lines[i]) > room) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void paintIndices(Graphics2D g, Font indexFont, double x0, double y0, double cell,
            List<List<String>> columnLines, boolean upright) {
        g.setFont(indexFont);
        g.setColor(named() ? TEXT : MUTED);
        FontMetrics m = g.getFontMetrics();
        List<String> columnLabels = columnLabels();
        List<String> rowLabels = rowLabels();
        // label every k-th row or column so labels never collide on large grids
        int everyCol = Math.max(1, (int) Math.ceil((widest(m, columnLabels) + px(6)) / cell));
        int everyRow = Math.max(1, (int) Math.ceil(m.getHeight() / cell));
        if (upright) {
            for (int c = 0; c < map.columns(); c++) {
                AffineTransform saved = g.getTransform();
                g.translate(x0 + (c + 0.5) * cell + (m.getAscent() - m.getDescent()) / 2.0, y0 - px(5));
                g.rotate(-Math.PI / 2);
                g.drawString(columnLabels.get(c), 0f, 0f);
                g.setTransform(saved);
            }
        } else if (columnLines != null) {
            for (int c = 0; c < map.columns(); c++) {
                List<String> lines = columnLines.get(c);
                for (int i = 0; i < lines.size(); i++) {
                    drawCentered(g, lines.get(i), x0 + (c + 0.5) * cell,
                        y0 - px(5) - m.getDescent() - (lines.size() - 1 - i) * m.getHeight());
                }
            }
        } else {
            for (int c = 0; c < map.columns(); c += everyCol) {
                drawCentered(g, columnLabels.get(c), x0 + (c + 0.5) * cell, y0 - px(5) - m.getDescent());
            }
        }
        for (int r = 0; r < map.rows(); r += everyRow) {
            String label = rowLabels.get(r);
            float x = (float) (x0 - px(6) - m.stringWidth(label));
            g.drawString(label, x, (float) (y0 + (r + 0.5) * cell + (m.getAscent() - m.getDescent()) / 2.0));
        }
    }

    /** The column axis title above its labels, the row axis title rotated left of its labels. */
    /** labelBlock: the height of the column labels, one line unless they wrap or stand upright. */
    private void paintAxisTitles(Graphics2D g, FontMetrics labelMetrics, double x0, double y0, double cell,
            int labelBlock) {
        g.setFont(font(Font.PLAIN, 17));
        g.setColor(TEXT);
        FontMetrics m = g.getFontMetrics();
        if (map.columnAxis() != null) {
            double baseline = y0 - px(5) - labelBlock - px(4) - m.getDescent();
            drawCentered(g, map.columnAxis().title(), x0 + cell * map.columns() / 2, baseline);
        }
        if (map.rowAxis() != null) {
            double x = x0 - px(6) - widest(labelMetrics, rowLabels()) - px(8) - m.getDescent();
            AffineTransform saved = g.getTransform();
            g.translate(x, y0 + cell * map.rows() / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(map.rowAxis().title(), -m.stringWidth(map.rowAxis().title()) / 2f, 0f);
            g.setTransform(saved);
        }
    }

    private void paintMark(Graphics2D g, double x0, double y0, double cell) {
        int[] marked = map.markedCell();
        if (marked == null) {
            return;
        }
        // inside the cell, so the outline never covers a neighbour's colour
        float stroke = Math.max(2f, Math.min(4 * s, (float) cell / 8));
        g.setStroke(new BasicStroke(stroke));
        g.setColor(MARK);
        g.draw(new Rectangle2D.Double(x0 + marked[1] * cell + stroke / 2, y0 + marked[0] * cell + stroke / 2,
            cell - stroke, cell - stroke));
    }

    private boolean named() {
        return map.rowAxis() != null || map.columnAxis() != null;
    }

    private List<String> rowLabels() {
        return map.rowAxis() != null ? map.rowAxis().labels() : indices(map.rows());
    }

    private List<String> columnLabels() {
        return map.columnAxis() != null ? map.columnAxis().labels() : indices(map.columns());
    }

    private static List<String> indices(int n) {
        List<String> labels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels.add(Integer.toString(i));
        }
        return labels;
    }

    private static int widest(FontMetrics m, List<String> labels) {
        int widest = 0;
        for (String label : labels) {
            widest = Math.max(widest, m.stringWidth(label));
        }
        return widest;
    }

    /** Room for an axis title beside its labels: one line of the title font and a gap. */
    private int axisTitleSpace(Graphics2D g, Heatmap.Axis axis) {
        if (axis == null) {
            return 0;
        }
        return g.getFontMetrics(font(Font.PLAIN, 17)).getHeight() + px(6);
    }

    /** Width of the colour bar, its tick labels, its title and the swatches. */
    private int panelWidth(Graphics2D g) {
        g.setFont(font(Font.PLAIN, 14));
        FontMetrics m = g.getFontMetrics();
        int bar = scale.panelWidth(m, s, font(Font.PLAIN, 16).getSize());
        int text = Math.max(m.stringWidth(WALL_TEXT), m.stringWidth(OFF_SCALE_TEXT));
        if (hasClipped()) {
            // the note starts where the swatches do, without their square and gap
            text = Math.max(text, g.getFontMetrics(font(Font.ITALIC, 14)).stringWidth(CLIPPED_TEXT) - px(18) - px(8));
        }
        if (map.markLabel() != null) {
            text = Math.max(text, m.stringWidth(map.markLabel()));
        }
        int swatch = px(36) + px(18) + px(8) + text;
        return Math.max(bar, swatch);
    }

    private void paintPanel(Graphics2D g, double x, double gridTop, double gridHeight, int top, int bottom) {
        double swatchBlock = px(28) * (hasClipped() ? 4 : 3) + px(12);
        double barHeight = Math.min(Math.max(gridHeight, px(180)), bottom - top - swatchBlock);
        double barTop = Math.max(top, gridTop + (gridHeight - barHeight - swatchBlock) / 2);
        double y = barTop;
        if (hasScale()) {
            scale.paintBar(g, x, barTop, barHeight, s, map.valueLabel());
            y = barTop + barHeight + px(16);
        }
        if (hasClipped()) {
            g.setFont(font(Font.ITALIC, 14));
            g.setColor(MUTED);
            g.drawString(CLIPPED_TEXT, (float) x, (float) (y + g.getFontMetrics().getAscent()));
            y += px(28);
        }
        if (hasWalls()) {
            swatch(g, x, y, WALL, WALL_TEXT);
            y += px(28);
        }
        if (hasOffScale()) {
            swatch(g, x, y, OFF_SCALE, FRAME, OFF_SCALE_TEXT);
            y += px(28);
        }
        if (map.markedCell() != null) {
            swatch(g, x, y, Color.WHITE, MARK, map.markLabel());
        }
    }

    private void swatch(Graphics2D g, double x, double y, Color fill, String text) {
        swatch(g, x, y, fill, FRAME, text);
    }

    private void swatch(Graphics2D g, double x, double y, Color fill, Color outline, String text) {
        double size = px(18);
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, size, size));
        g.setColor(outline);
        Stroke saved = g.getStroke();
        if (outline == MARK) {
            g.setStroke(new BasicStroke(Math.max(2f, 3 * s)));
        }
        g.draw(new Rectangle2D.Double(x, y, size, size));
        g.setStroke(saved);
        g.setFont(font(Font.PLAIN, 14));
        g.setColor(TEXT);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) (x + size + px(8)), (float) (y + size / 2 + (m.getAscent() - m.getDescent()) / 2.0));
    }

    private boolean hasClipped() {
        return map.range() != null && any(map.range()::clips);
    }

    private boolean hasWalls() {
        return any(v -> Double.isNaN(v));
    }

    private boolean hasOffScale() {
        return any(v -> !Double.isNaN(v) && !onScale(v));
    }

    private boolean any(DoublePredicate test) {
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (test.test(map.at(r, c))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Color colorOf(double v) {
        if (Double.isNaN(v)) {
            return WALL;
        }
        return onScale(v) ? scale.color(v) : OFF_SCALE;
    }

    static Color viridis(double f) {
        return ColorScale.viridis(f);
    }

    /** Colour-bar ticks: decades on a log scale, round steps on a linear one. */
    List<Double> ticks() {
        return scale.ticks();
    }

    /** Short cell labels: 1234 stays 1234, 25340 becomes 25.3k, 0.12345 becomes 0.123. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return threeDigits(v / 1e9) + "G";
        }
        if (a >= 1e6) {
            return threeDigits(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return threeDigits(v / 1e3) + "k";
        }
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return threeDigits(v);
    }

    private static String threeDigits(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
