package kelvin.experiments.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.experiments.metric.Recorded;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Interval;

/**
 * The curves of curves.csv as the experiments page draws them: per variant and metric, the mean and
 * the 95% interval at each checkpoint, from a finished cell's aggregates or from a results folder.
 */
final class ExperimentCurves {

    /** The interval of one cell's metric at one checkpoint, or null when no run had a value there. */
    @FunctionalInterface
    interface Source {
        Interval interval(int metric, int checkpoint);
    }

    private ExperimentCurves() {
    }

    /**
     * What the page needs to set up its charts before any cell is done: the metrics with their axis
     * labels, the checkpoints and the variants.
     */
    static Map<String, Object> axes(Experiment e) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Recorded m : e.metrics()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("key", m.key());
            one.put("title", m.metric().title());
            one.put("axis", m.metric().axisLabel());
            one.put("log", m.metric().logScale());
            metrics.add(one);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", e.name());
        out.put("unit", e.timeUnit());
        out.put("t", e.checkpoints());
        out.put("variants", e.cells().stream().map(Cell::label).toList());
        out.put("metrics", metrics);
        return out;
    }

    /**
     * One variant's curves: for each metric key, the mean, low and high arrays over the checkpoints
     * (null where no run had a value).
     */
    static Map<String, Object> cell(Experiment e, Cell cell, Source source) {
        Map<String, Object> byMetric = new LinkedHashMap<>();
        int marks = e.checkpoints().length;
        for (int k = 0; k < e.metrics().size(); k++) {
            Double[] mean = new Double[marks];
            Double[] low = new Double[marks];
            Double[] high = new Double[marks];
            for (int i = 0; i < marks; i++) {
                Interval iv = source.interval(k, i);
                if (iv != null) {
                    mean[i] = finite(iv.mean());
                    low[i] = finite(iv.low());
                    high[i] = finite(iv.high());
                }
            }
            byMetric.put(e.metrics().get(k).key(), Map.of("mean", mean, "low", low, "high", high));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("index", cell.index());
        out.put("variant", cell.label());
        out.put("curves", byMetric);
        return out;
    }

    /** A value a chart can draw: a gap where the value is not a finite number. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
