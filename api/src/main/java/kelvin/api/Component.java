package kelvin.api;

import java.util.List;
import java.util.Objects;

/**
 * The declaration of one configurable component: its kind, the name a config uses, a one-line
 * summary (with the formula where there is one), its source, its keys, and the factory that builds
 * it from validated settings. Each component's file holds its declaration as a public nested class
 * with a public no-argument constructor, listed in {@code META-INF/services/kelvin.api.Component};
 * Kelvin finds built-ins and plug-ins the same way ({@link java.util.ServiceLoader}), and nothing
 * else in the code base lists them.
 *
 * <pre>{@code
 * public static final class Declaration extends Component<Schedule> {
 *     public Declaration() {
 *         super(Kind.SCHEDULE, "sqrt-cooling", "T_t = c / sqrt(t + 1)", "",
 *                 List.of(Key.required("c", ValueType.Num.positive(), "scale")));
 *     }
 *
 *     public Schedule create(Settings settings) {
 *         return SqrtCooling.of(settings.num("c"));
 *     }
 * }
 * }</pre>
 *
 * @param <T> the interface of the kind (see {@link Kind})
 */
public abstract class Component<T> {

    private final Kind kind;
    private final String name;
    private final String summary;
    private final String source;
    private final List<Key> keys;

    /**
     * Declares a component.
     *
     * @param kind its kind
     * @param name the name configs use: lower-case words joined by hyphens
     * @param summary one line: what it is, with its formula
     * @param source the paper or book it follows (author, year, title), or "" when it follows none
     * @param keys the keys it accepts besides the discriminator, in the order listings show them
     * @throws IllegalArgumentException if the name is malformed or two keys share a name
     * @throws NullPointerException if a part is null
     */
    protected Component(Kind kind, String name, String summary, String source, List<Key> keys) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.source = Objects.requireNonNull(source, "source");
        this.keys = List.copyOf(keys);
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a component name is lower-case words joined by hyphens, e.g. "
                    + "sqrt-cooling: " + name);
        }
        this.name = name;
        for (int i = 0; i < this.keys.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.keys.get(i).name().equals(this.keys.get(j).name())) {
                    throw new IllegalArgumentException(name + " declares the key " + this.keys.get(i).name()
                            + " twice");
                }
            }
        }
    }

    /**
     * Builds the component from validated settings.
     *
     * @param settings the values of its keys, checked and defaulted
     * @return the component
     * @throws IllegalArgumentException when the values do not fit together (reported at the mapping)
     */
    public abstract T create(Settings settings);

    /**
     * The kind.
     *
     * @return what the component is
     */
    public final Kind kind() {
        return kind;
    }

    /**
     * The config name.
     *
     * @return e.g. {@code exponential}
     */
    public final String name() {
        return name;
    }

    /**
     * One line: what it is.
     *
     * @return the summary
     */
    public final String summary() {
        return summary;
    }

    /**
     * The source it follows.
     *
     * @return author, year and title, or ""
     */
    public final String source() {
        return source;
    }

    /**
     * Its keys besides the discriminator.
     *
     * @return the keys, in listing order
     */
    public final List<Key> keys() {
        return keys;
    }

    /**
     * One key by name.
     *
     * @param keyName the key
     * @return the key, or null when the component has no such key
     */
    public final Key key(String keyName) {
        for (Key k : keys) {
            if (k.name().equals(keyName)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return kind.word() + " " + name + " (" + getClass().getName() + ")";
    }
}
