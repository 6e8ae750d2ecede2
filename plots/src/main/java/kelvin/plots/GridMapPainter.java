package kelvin.plots;

import static kelvin.plots.Palette.FRAME;
import static kelvin.plots.Palette.MUTED;
import static kelvin.plots.Palette.TEXT;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link GridMap}: title, square cells with row and column indices, a colour bar on the
 * right when the map is shaded, and a legend below naming the cell kinds, the colours off the
 * scale and the arrow opacity.
 *
 * <p>The layout is computed once, for a given width: cells are as large as the width allows (at
 * most {@value #MAX_CELL} px at scale 1) and the height follows the grid, capped at a given
 * maximum. What a cell shows depends on its size in pixels at scale 1:
 * <ul>
 *   <li>from {@value #BADGE_FROM} px: start and goal get a corner badge with their letter, arrows
 *       have shafts, holes and cliffs their letter;
 *   <li>from {@value #SHAFT_FROM} px: arrows have shafts; start and goal letters fill the cell;
 *   <li>below: arrows are heads only; start and goal letters fill the cell (and hide that cell's
 *       arrow) down to {@value #LETTER_FROM} px, and are only outlined below that;
 *   <li>below {@value #ARROW_FROM} px no arrows and no grid lines are drawn (a 64 x 64 grid has
 *       cells of 14 px at the default width).
 * </ul>
 * Texts need a font of at least {@value #MIN_TEXT} px that fits the widest text into a cell;
 * otherwise none are drawn.
 */
final class GridMapPainter extends Painter {

    /** Fill of walls: dark grey. */
    static final Color WALL = new Color(0x4D, 0x4D, 0x4D);

    /** Fill of holes: dark blue, hatched. */
    static final Color HOLE = new Color(0x1C, 0x3A, 0x6E);

    /** Fill of cliff cells: dark red, hatched. */
    static final Color CLIFF = new Color(0x8C, 0x1D, 0x18);

    /** Fill of free cells of an unshaded map. */
    static final Color FREE = Color.WHITE;

    /** Fill of shaded cells without a value (NaN). */
    static final Color NO_VALUE = new Color(0xE6, 0xE6, 0xE6);

    /** Fill of cells whose value a log scale cannot show ({@code <= 0}), as in {@link Heatmap}. */
    static final Color OFF_SCALE = HeatmapPainter.OFF_SCALE;

    /** Colour of an arrow of strength 1. */
    static final Color ARROW = new Color(0x1A, 0x1A, 0x1A);

    /** Opacity of an arrow of strength 0; strength 1 is opaque, in between is linear. */
    static final double MIN_ARROW_OPACITY = 0.15;

    /** Largest cell side at scale 1, so small grids do not become posters. */
    static final int MAX_CELL = 100;

    /** Cells from this side (at scale 1) get corner badges for start and goal. */
    static final int BADGE_FROM = 40;

    /** Cells from this side (at scale 1) get arrows with shafts. */
    static final int SHAFT_FROM = 24;

    /** Cells from this side (at scale 1) get arrows at all; smaller ones would be specks. */
    static final int ARROW_FROM = 8;

    /** Cells from this side (at scale 1) get grid lines between them; smaller ones only a frame. */
    static final int LINES_FROM = 8;

    /** Cells from this side (at scale 1) get a start or goal letter. */
    static final int LETTER_FROM = 9;

    /** Smallest font size for cell texts at scale 1. */
    static final int MIN_TEXT = 10;

    private static final Color SEPARATOR = new Color(0xD6, 0xD6, 0xD6);
    private static final Color MARK = new Color(0x11, 0x11, 0x11);

    private final GridMap map;
    private final int width;
    private final int height;
    private final ColorScale scale;
    private final double cell;
    private final double x0;
    private final double y0;
    private final double blockTop;
    private final double blockHeight;
    private final double panelX;
    private final int textSize;
    private final List<List<Item>> legend;
    private final double legendTop;

    /** One legend entry: something drawn, then its text. */
    private interface Item {

        int width(FontMetrics m);

        void paint(Graphics2D g, double x, double centerY);
    }

    /**
     * Lays out a map.
     *
     * @param map the map
     * @param width figure width in pixels
     * @param maxHeight the figure is never taller than this
     * @param s scale factor of fonts and strokes (1 at 1200 px wide)
     */
    GridMapPainter(GridMap map, int width, int maxHeight, float s) {
        super(s);
        this.map = map;
        this.width = width;
        this.scale = colorScale(map);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            hints(g);
            int pad = px(16);
            int top = pad + g.getFontMetrics(font(Font.BOLD, 24)).getHeight() + px(12);
            FontMetrics index = g.getFontMetrics(font(Font.PLAIN, 13));
            int rowLabelWidth = index.stringWidth(Integer.toString(map.rows() - 1)) + px(8);
            int colLabelHeight = index.getHeight() + px(4);
            int panelWidth = scale == null ? 0 : scale.panelWidth(g.getFontMetrics(font(Font.PLAIN, 14)), s, px(16));
            FontMetrics legendMetrics = g.getFontMetrics(legendFont());
            // the legend's height takes from the cells' and the cell size decides whether arrows
            // are drawn: lay out assuming they are, then drop their legend entry if they are not
            List<List<Item>> withArrows = layoutLegend(legendMetrics, width - 2 * pad, true);
            double legendBlock = legendHeight(withArrows);

            double areaWidth = width - 2 * pad - rowLabelWidth - panelWidth;
            double areaHeight = maxHeight - top - colLabelHeight - legendBlock - pad;
            double side = Math.min(Math.min(areaWidth / map.columns(), areaHeight / map.rows()), px(MAX_CELL));
            // whole pixels keep edges crisp; below 8 px rounding would waste too much of the width
            this.cell = side >= 8 ? Math.floor(side) : Math.max(side, 0.5);
            this.legend = atLeast(ARROW_FROM) ? withArrows : layoutLegend(legendMetrics, width - 2 * pad, false);
            legendBlock = legendHeight(legend);
            double gridWidth = cell * map.columns();
            double gridHeight = cell * map.rows();
            this.blockTop = top + colLabelHeight;
            this.blockHeight = Math.max(gridHeight, scale == null ? 0 : px(180));
            double groupWidth = rowLabelWidth + gridWidth + panelWidth;
            this.x0 = Math.floor((width - groupWidth) / 2) + rowLabelWidth;
            this.y0 = blockTop + Math.floor((blockHeight - gridHeight) / 2);
            this.panelX = x0 + gridWidth + px(36);
            this.legendTop = blockTop + blockHeight + px(14);
            this.height = (int) Math.ceil(blockTop + blockHeight + legendBlock + pad);
            this.textSize = textSize(g);
        } finally {
            g.dispose();
        }
    }

    /** The scale of the values on free, start and goal cells, or null when nothing is shaded. */
    private static ColorScale colorScale(GridMap map) {
        if (!map.hasValues()) {
            return null;
        }
        ColorScale.Builder range = new ColorScale.Builder(map.logScale());
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (!map.blocked(r, c)) {
                    range.add(map.valueAt(r, c));
                }
            }
        }
        ColorScale built = range.build();
        return built.isEmpty() ? null : built;
    }

    /** Figure height in pixels. */
    int height() {
        return height;
    }

    /** Side of a cell in pixels. */
    double cellSize() {
        return cell;
    }

    /** The cell's square on the figure. */
    Rectangle2D cellBounds(int row, int column) {
        return new Rectangle2D.Double(x0 + column * cell, y0 + row * cell, cell, cell);
    }

    /** Whether cell texts are drawn (they are all drawn or none). */
    boolean textsShown() {
        return textSize > 0;
    }

    /** Whether the figure has a colour bar. */
    boolean hasColorBar() {
        return scale != null;
    }

    private Font legendFont() {
        return font(Font.PLAIN, 14);
    }

    private int legendRowHeight() {
        return px(28);
    }

    // ---------------------------------------------------------------- what each cell shows

    private boolean atLeast(int sizeAtScaleOne) {
        return cell >= sizeAtScaleOne * s;
    }

    private boolean marked(int r, int c) {
        char k = map.kind(r, c);
        return k == GridMap.START || k == GridMap.GOAL;
    }

    /** Whether a start or goal letter fills the cell, leaving no room for its arrow or text. */
    private boolean letterFills(int r, int c) {
        return marked(r, c) && !atLeast(BADGE_FROM) && atLeast(LETTER_FROM);
    }

    private boolean arrowsShown() {
        if (!map.hasActions()) {
            return false;
        }
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (hasArrow(r, c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether any arrow is drawn at some cell size (independent of the layout). */
    private boolean anyArrowGiven() {
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (!map.blocked(r, c) && map.actionAt(r, c) != GridMap.NO_ACTION) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasArrow(int r, int c) {
        return atLeast(ARROW_FROM) && !map.blocked(r, c) && map.actionAt(r, c) != GridMap.NO_ACTION
            && !letterFills(r, c);
    }

    private String text(int r, int c) {
        String t = map.textAt(r, c);
        return t == null || t.isEmpty() || map.blocked(r, c) || letterFills(r, c) ? null : t;
    }

    /** One font size for all texts: the largest up to 15 px that fits every text; 0 if too small. */
    private int textSize(Graphics2D g) {
        List<String> all = new ArrayList<>();
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                String t = text(r, c);
                if (t != null) {
                    all.add(t);
                }
            }
        }
        if (all.isEmpty()) {
            return 0;
        }
        boolean withArrows = arrowsShown();
        int size = (int) Math.floor(Math.min(15 * s, cell * (withArrows ? 0.24 : 0.3)));
        for (; size >= px(MIN_TEXT); size--) {
            FontMetrics m = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            int widest = 0;
            for (String t : all) {
                widest = Math.max(widest, m.stringWidth(t));
            }
            if (widest <= cell * 0.86) {
                return size;
            }
        }
        return 0;
    }

    private Color fill(int r, int c) {
        switch (map.kind(r, c)) {
            case GridMap.WALL:
                return WALL;
            case GridMap.HOLE:
                return HOLE;
            case GridMap.CLIFF:
                return CLIFF;
            default:
                break;
        }
        if (!map.hasValues()) {
            return FREE;
        }
        double v = map.valueAt(r, c);
        if (Double.isNaN(v)) {
            return NO_VALUE;
        }
        return scale != null && scale.onScale(v) ? scale.color(v) : OFF_SCALE;
    }

    // ---------------------------------------------------------------- painting

    @Override
    public void paint(Graphics2D g, int figureWidth, int figureHeight) {
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, figureWidth, figureHeight);
        Titles.paint(g, map.title(), figureWidth, px(16), s);

        paintFills(g);
        paintBlocked(g);
        paintSeparators(g);
        paintMarks(g);
        paintArrows(g);
        paintTexts(g);
        paintIndices(g);
        if (scale != null) {
            scale.paintBar(g, panelX, blockTop, blockHeight, s, map.valueLabel());
        }
        paintLegend(g);
    }

    private void paintFills(Graphics2D g) {
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                g.setColor(fill(r, c));
                g.fill(cellBounds(r, c));
            }
        }
    }

    /** Hatching and letters of holes and cliff cells. */
    private void paintBlocked(Graphics2D g) {
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                char k = map.kind(r, c);
                if (k == GridMap.HOLE || k == GridMap.CLIFF) {
                    Rectangle2D box = cellBounds(r, c);
                    hatch(g, box, k == GridMap.HOLE ? HOLE : CLIFF, Math.max(px(6), cell / 6));
                    if (atLeast(16)) {
                        letter(g, String.valueOf(k), box, Math.min(cell * 0.42, px(26)), Color.WHITE, fill(r, c));
                    }
                }
            }
        }
    }

    /**
     * Diagonal lines ("/") on a box, on a lattice fixed to the figure so hatching runs on across
     * neighbouring cells.
     */
    private void hatch(Graphics2D g, Rectangle2D box, Color base, double spacing) {
        g.setColor(mix(base, Color.WHITE, 0.28));
        g.setStroke(new BasicStroke((float) Math.max(1, cell * 0.035), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double x1 = box.getMinX();
        double x2 = box.getMaxX();
        double y1 = box.getMinY();
        double y2 = box.getMaxY();
        for (double k = Math.ceil((x1 + y1) / spacing) * spacing; k <= x2 + y2; k += spacing) {
            // the line x + y = k inside the box
            double from = Math.max(x1, k - y2);
            double to = Math.min(x2, k - y1);
            if (to > from) {
                g.draw(new Line2D.Double(from, k - from, to, k - to));
            }
        }
    }

    /** A bold letter centred in a box, on a patch of {@code backdrop} that hides hatching behind it. */
    private void letter(Graphics2D g, String text, Rectangle2D box, double size, Color color, Color backdrop) {
        Font f = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(size));
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        double w = m.stringWidth(text);
        double capHeight = f.createGlyphVector(g.getFontRenderContext(), text).getVisualBounds().getHeight();
        double margin = size * 0.22;
        g.setColor(backdrop);
        g.fill(new Rectangle2D.Double(box.getCenterX() - w / 2 - margin, box.getCenterY() - capHeight / 2 - margin,
            w + 2 * margin, capHeight + 2 * margin));
        g.setColor(color);
        g.drawString(text, (float) (box.getCenterX() - w / 2), (float) (box.getCenterY() + capHeight / 2));
    }

    /**
     * Thin lines between cells, left out between two cells of the same blocked kind, and a frame.
     * Consecutive drawn edges along one grid line are joined into one line. Cells smaller than
     * {@value #LINES_FROM} px get only the frame: more lines than cells would grey the map.
     */
    private void paintSeparators(Graphics2D g) {
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        g.setColor(SEPARATOR);
        int rows = atLeast(LINES_FROM) ? map.rows() : 0;
        int cols = atLeast(LINES_FROM) ? map.columns() : 0;
        for (int c = 1; c < cols; c++) {
            int start = -1;
            for (int r = 0; r <= rows; r++) {
                boolean draw = r < rows && !merged(r, c - 1, r, c);
                if (draw && start < 0) {
                    start = r;
                } else if (!draw && start >= 0) {
                    double x = x0 + c * cell;
                    g.draw(new Line2D.Double(x, y0 + start * cell, x, y0 + r * cell));
                    start = -1;
                }
            }
        }
        for (int r = 1; r < rows; r++) {
            int start = -1;
            for (int c = 0; c <= cols; c++) {
                boolean draw = c < cols && !merged(r - 1, c, r, c);
                if (draw && start < 0) {
                    start = c;
                } else if (!draw && start >= 0) {
                    double y = y0 + r * cell;
                    g.draw(new Line2D.Double(x0 + start * cell, y, x0 + c * cell, y));
                    start = -1;
                }
            }
        }
        g.setColor(FRAME);
        g.draw(new Rectangle2D.Double(x0, y0, map.columns() * cell, map.rows() * cell));
    }

    private boolean merged(int r1, int c1, int r2, int c2) {
        return map.blocked(r1, c1) && map.kind(r1, c1) == map.kind(r2, c2);
    }

    /** Start and goal: a dark outline with a white inner line, and their letter. */
    private void paintMarks(Graphics2D g) {
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (marked(r, c)) {
                    mark(g, cellBounds(r, c), String.valueOf(map.kind(r, c)), fill(r, c));
                }
            }
        }
    }

    private void mark(Graphics2D g, Rectangle2D box, String letter, Color fill) {
        double lw = Math.max(2 * s, Math.min(cell * 0.06, 4 * s));
        g.setStroke(new BasicStroke((float) lw, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.setColor(MARK);
        g.draw(inset(box, lw / 2));
        g.setStroke(new BasicStroke((float) (lw * 0.6), BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.setColor(Color.WHITE);
        g.draw(inset(box, lw + lw * 0.3));
        if (atLeast(BADGE_FROM)) {
            double side = Math.max(px(18), Math.min(cell * 0.27, px(28)));
            double at = lw * 1.6 + px(1);
            badge(g, box.getMinX() + at, box.getMinY() + at, side, letter);
        } else if (atLeast(LETTER_FROM)) {
            haloLetter(g, letter, box, fill);
        }
    }

    /** A white rounded square with a dark frame and a bold letter: start and goal on large cells. */
    private void badge(Graphics2D g, double x, double y, double side, String letter) {
        RoundRectangle2D.Double shape = new RoundRectangle2D.Double(x, y, side, side, side * 0.3, side * 0.3);
        g.setColor(Color.WHITE);
        g.fill(shape);
        g.setStroke(new BasicStroke(Math.max(1f, s)));
        g.setColor(MARK);
        g.draw(shape);
        Font f = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(side * 0.7));
        g.setFont(f);
        FontMetrics m = g.getFontMetrics();
        double capHeight = f.createGlyphVector(g.getFontRenderContext(), letter).getVisualBounds().getHeight();
        g.drawString(letter, (float) (x + (side - m.stringWidth(letter)) / 2), (float) (y + (side + capHeight) / 2));
    }

    /** A bold letter filling a small cell, dark with a white outline so it reads on any colour. */
    private void haloLetter(Graphics2D g, String letter, Rectangle2D box, Color fill) {
        Font f = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(1, Math.round(cell * 0.72)));
        GlyphVector glyphs = f.createGlyphVector(g.getFontRenderContext(), letter);
        Rectangle2D bounds = glyphs.getVisualBounds();
        Shape outline = glyphs.getOutline(
            (float) (box.getCenterX() - bounds.getCenterX()), (float) (box.getCenterY() - bounds.getCenterY()));
        g.setStroke(new BasicStroke((float) Math.max(1.5, cell * 0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(Color.WHITE);
        g.draw(outline);
        g.setColor(MARK);
        g.fill(outline);
    }

    private void paintArrows(Graphics2D g) {
        boolean withTexts = textsShown();
        boolean shaft = atLeast(SHAFT_FROM);
        double length = cell * (withTexts ? 0.46 : atLeast(BADGE_FROM) ? 0.58 : 0.66);
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                if (hasArrow(r, c)) {
                    Rectangle2D box = cellBounds(r, c);
                    double cy = withTexts ? box.getMinY() + cell * 0.4 : box.getCenterY();
                    arrow(g, box.getCenterX(), cy, length, map.actionAt(r, c), shaft, map.strengthAt(r, c), fill(r, c));
                }
            }
        }
    }

    /** An arrow from its tail to its tip, centred on (cx, cy), faded towards the cell's fill. */
    private void arrow(Graphics2D g, double cx, double cy, double length, int action, boolean shaft,
                       double strength, Color fill) {
        Shape shape = arrowShape(cx, cy, length, action, shaft);
        double opacity = MIN_ARROW_OPACITY + (1 - MIN_ARROW_OPACITY) * strength;
        float halo = (float) Math.max(1.2 * s, length * 0.08);
        g.setStroke(new BasicStroke(halo, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(mix(fill, Color.WHITE, opacity));
        g.draw(shape);
        g.setColor(mix(fill, ARROW, opacity));
        g.fill(shape);
    }

    /**
     * The arrow for an action, as one closed outline: a shaft and a head, or a head alone.
     * Package-private so tests can check its direction.
     */
    static Shape arrowShape(double cx, double cy, double length, int action, boolean shaft) {
        double h = length / 2;
        Path2D.Double p = new Path2D.Double();
        if (shaft) {
            double halfShaft = 0.08 * length;
            double halfHead = 0.27 * length;
            double headStart = h - 0.42 * length;
            p.moveTo(-h, -halfShaft);
            p.lineTo(headStart, -halfShaft);
            p.lineTo(headStart, -halfHead);
            p.lineTo(h, 0);
            p.lineTo(headStart, halfHead);
            p.lineTo(headStart, halfShaft);
            p.lineTo(-h, halfShaft);
        } else {
            double halfHead = 0.42 * length;
            p.moveTo(-h, -halfHead);
            p.lineTo(h, 0);
            p.lineTo(-h, halfHead);
        }
        p.closePath();
        // drawn pointing right; quarter turns clockwise (y points down): right 0, down 1, left 2, up 3
        int quadrants = (action + 3) % 4;
        AffineTransform t = AffineTransform.getTranslateInstance(cx, cy);
        t.quadrantRotate(quadrants);
        return t.createTransformedShape(p);
    }

    private void paintTexts(Graphics2D g) {
        if (!textsShown()) {
            return;
        }
        boolean withArrows = arrowsShown();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, textSize));
        FontMetrics m = g.getFontMetrics();
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                String t = text(r, c);
                if (t == null) {
                    continue;
                }
                Rectangle2D box = cellBounds(r, c);
                double baseline = withArrows
                    ? box.getMaxY() - cell * 0.09 - m.getDescent()
                    : box.getCenterY() + (m.getAscent() - m.getDescent()) / 2.0;
                g.setColor(luminance(fill(r, c)) > 0.45 ? TEXT : Color.WHITE);
                drawCentered(g, t, box.getCenterX(), baseline);
            }
        }
    }

    private void paintIndices(Graphics2D g) {
        g.setFont(font(Font.PLAIN, 13));
        g.setColor(MUTED);
        FontMetrics m = g.getFontMetrics();
        // label every k-th index so labels never collide on large grids
        int widest = m.stringWidth(Integer.toString(Math.max(map.rows(), map.columns()))) + px(6);
        int everyCol = Math.max(1, (int) Math.ceil(widest / cell));
        int everyRow = Math.max(1, (int) Math.ceil(m.getHeight() / cell));
        for (int c = 0; c < map.columns(); c += everyCol) {
            drawCentered(g, Integer.toString(c), x0 + (c + 0.5) * cell, y0 - px(5) - m.getDescent());
        }
        for (int r = 0; r < map.rows(); r += everyRow) {
            String label = Integer.toString(r);
            float x = (float) (x0 - px(6) - m.stringWidth(label));
            g.drawString(label, x, (float) (y0 + (r + 0.5) * cell + (m.getAscent() - m.getDescent()) / 2.0));
        }
    }

    // ---------------------------------------------------------------- legend

    private double legendHeight(List<List<Item>> rows) {
        return rows.isEmpty() ? 0 : px(14) + rows.size() * legendRowHeight();
    }

    private List<List<Item>> layoutLegend(FontMetrics m, int maxWidth, boolean arrows) {
        List<Item> items = legendItems(arrows);
        List<List<Item>> rows = new ArrayList<>();
        List<Item> row = new ArrayList<>();
        int used = 0;
        for (Item item : items) {
            int w = item.width(m);
            int needed = row.isEmpty() ? w : used + legendGap() + w;
            if (!row.isEmpty() && needed > maxWidth) {
                rows.add(row);
                row = new ArrayList<>();
                needed = w;
            }
            row.add(item);
            used = needed;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private int legendGap() {
        return px(26);
    }

    private List<Item> legendItems(boolean arrows) {
        List<Item> items = new ArrayList<>();
        String kinds = kindsPresent();
        if (kinds.indexOf(GridMap.START) >= 0) {
            items.add(badgeItem("S", "start"));
        }
        if (kinds.indexOf(GridMap.GOAL) >= 0) {
            items.add(badgeItem("G", "goal"));
        }
        if (kinds.indexOf(GridMap.WALL) >= 0) {
            items.add(swatchItem(WALL, false, "wall"));
        }
        if (kinds.indexOf(GridMap.HOLE) >= 0) {
            items.add(swatchItem(HOLE, true, "hole (H)"));
        }
        if (kinds.indexOf(GridMap.CLIFF) >= 0) {
            items.add(swatchItem(CLIFF, true, "cliff (C)"));
        }
        if (map.hasValues()) {
            boolean offScale = false;
            boolean noValue = false;
            for (int r = 0; r < map.rows(); r++) {
                for (int c = 0; c < map.columns(); c++) {
                    if (!map.blocked(r, c)) {
                        double v = map.valueAt(r, c);
                        noValue |= Double.isNaN(v);
                        offScale |= !Double.isNaN(v) && (scale == null || !scale.onScale(v));
                    }
                }
            }
            if (offScale) {
                items.add(swatchItem(OFF_SCALE, false, map.logScale() ? "0 or less" : "off the scale"));
            }
            if (noValue) {
                items.add(swatchItem(NO_VALUE, false, "no value"));
            }
        }
        if (arrows && map.hasStrengths() && anyArrowGiven()) {
            items.add(strengthItem());
        }
        return items;
    }

    private String kindsPresent() {
        StringBuilder kinds = new StringBuilder();
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                char k = map.kind(r, c);
                if (kinds.indexOf(String.valueOf(k)) < 0) {
                    kinds.append(k);
                }
            }
        }
        return kinds.toString();
    }

    private int glyphSize() {
        return px(20);
    }

    private Item badgeItem(String letter, String text) {
        return new Item() {
            @Override
            public int width(FontMetrics m) {
                return glyphSize() + px(7) + m.stringWidth(text);
            }

            @Override
            public void paint(Graphics2D g, double x, double centerY) {
                double side = glyphSize();
                badge(g, x, centerY - side / 2, side, letter);
                legendText(g, text, x + side + px(7), centerY);
            }
        };
    }

    private Item swatchItem(Color fill, boolean hatched, String text) {
        return new Item() {
            @Override
            public int width(FontMetrics m) {
                return glyphSize() + px(7) + m.stringWidth(text);
            }

            @Override
            public void paint(Graphics2D g, double x, double centerY) {
                double side = glyphSize();
                Rectangle2D.Double box = new Rectangle2D.Double(x, centerY - side / 2, side, side);
                g.setColor(fill);
                g.fill(box);
                if (hatched) {
                    hatch(g, box, fill, px(6));
                }
                g.setStroke(new BasicStroke(Math.max(1f, s)));
                g.setColor(FRAME);
                g.draw(box);
                legendText(g, text, x + side + px(7), centerY);
            }
        };
    }

    /** "arrow opacity: share of runs agreeing" followed by sample arrows at 0, 0.5 and 1. */
    private Item strengthItem() {
        String title = "arrow opacity: " + map.strengthLabel();
        double[] samples = {0, 0.5, 1};
        return new Item() {
            @Override
            public int width(FontMetrics m) {
                int w = m.stringWidth(title);
                for (double v : samples) {
                    w += px(12) + glyphSize() + px(4) + m.stringWidth(sampleLabel(v));
                }
                return w;
            }

            @Override
            public void paint(Graphics2D g, double x, double centerY) {
                FontMetrics m = g.getFontMetrics(legendFont());
                legendText(g, title, x, centerY);
                double at = x + m.stringWidth(title);
                for (double v : samples) {
                    at += px(12);
                    boolean shaft = atLeast(SHAFT_FROM);
                    double length = shaft ? glyphSize() : glyphSize() * 0.7;
                    arrow(g, at + glyphSize() / 2.0, centerY, length, GridMap.RIGHT, shaft, v, Color.WHITE);
                    at += glyphSize() + px(4);
                    legendText(g, sampleLabel(v), at, centerY);
                    at += m.stringWidth(sampleLabel(v));
                }
            }
        };
    }

    private static String sampleLabel(double v) {
        return v == 0.5 ? "0.5" : String.format(Locale.ROOT, "%.0f", v);
    }

    private void legendText(Graphics2D g, String text, double x, double centerY) {
        g.setFont(legendFont());
        g.setColor(TEXT);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (float) x, (float) (centerY + (m.getAscent() - m.getDescent()) / 2.0));
    }

    private void paintLegend(Graphics2D g) {
        FontMetrics m = g.getFontMetrics(legendFont());
        double gridCenter = x0 + cell * map.columns() / 2;
        int pad = px(16);
        for (int i = 0; i < legend.size(); i++) {
            List<Item> row = legend.get(i);
            int rowWidth = -legendGap();
            for (Item item : row) {
                rowWidth += legendGap() + item.width(m);
            }
            double x = Math.max(pad, Math.min(gridCenter - rowWidth / 2.0, width - pad - rowWidth));
            double centerY = legendTop + (i + 0.5) * legendRowHeight();
            for (Item item : row) {
                item.paint(g, x, centerY);
                x += item.width(m) + legendGap();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The SVG description: what the figure shows, since a reader of the file cannot see it. */
    String describe() {
        StringBuilder d = new StringBuilder("Grid map of ").append(count(map.rows(), "row")).append(" by ")
            .append(count(map.columns(), "column")).append("; cells: ");
        List<String> kinds = new ArrayList<>();
        String present = kindsPresent();
        String[][] names = {{"S", "start"}, {"G", "goal"}, {"#", "wall"}, {"H", "hole"}, {"C", "cliff"}, {".", "free"}};
        for (String[] n : names) {
            if (present.contains(n[0])) {
                kinds.add(n[1]);
            }
        }
        d.append(String.join(", ", kinds)).append('.');
        if (map.hasValues()) {
            d.append(" Colour: ").append(map.valueLabel()).append(map.logScale() ? " (log scale)." : ".");
        }
        if (map.hasActions()) {
            d.append(" Arrows: action per cell (up, right, down, left)");
            if (map.hasStrengths()) {
                d.append("; opacity: ").append(map.strengthLabel());
            }
            d.append(atLeast(ARROW_FROM) ? "." : "; hidden: cells too small to read them.");
        }
        if (map.hasTexts()) {
            d.append(textsShown() ? " Cell texts shown." : " Cell texts hidden: cells too small to read them.");
        }
        return d.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Rectangle2D inset(Rectangle2D box, double by) {
        return new Rectangle2D.Double(box.getX() + by, box.getY() + by, box.getWidth() - 2 * by,
            box.getHeight() - 2 * by);
    }

    /** {@code a} moved towards {@code b} by {@code t} (0 = a, 1 = b). */
    static Color mix(Color a, Color b, double t) {
        return new Color(
            (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
            (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
            (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }

    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }
}
