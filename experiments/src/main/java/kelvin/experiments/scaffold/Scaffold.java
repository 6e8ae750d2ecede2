package kelvin.experiments.scaffold;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kelvin.api.Kind;
import kelvin.experiments.config.Registry;

/**
 * The files of one {@code kelvin new KIND NAME}: in the folder DIR/NAME, the plug-in's source file
 * (the class named after NAME, {@code my-cooling} gives {@code MyCooling.java}), the configs that
 * compare it with the built-ins, and a README with the commands that check and run it. Every file
 * comes from a template under {@code kelvin/new/}.
 *
 * <p>{@link #of} refuses a name that is not a component name, that a built-in of the same kind
 * already has, or whose class name would clash with a type the template uses; {@link #write}
 * refuses to overwrite anything and writes all the files or none.
 */
public final class Scaffold {

    /** The longest NAME: the configs' experiment names (NAME-testbed, ...) stay well inside 100 characters. */
    public static final int MAX_NAME = 64;

    private static final Pattern COMPONENT_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** What is not Java code in a template: string literals, comments and placeholders. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"(?:\\\\.|[^\"\\\\\\n])*\"|/\\*[\\s\\S]*?\\*/|//[^\\n]*|\\{\\{[A-Z]+}}");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");
    /** A path a shell takes as one word without quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./+:=@%,-]+");

    private final ScaffoldKind kind;
    private final String name;
    private final String className;
    private final Path folder;
    private final Path source;
    private final List<Path> configs;
    private final Map<Path, String> files;

    private Scaffold(ScaffoldKind kind, String name, Path dir) {
        this.kind = kind;
        this.name = name;
        this.className = className(name);
        this.folder = dir.resolve(name).normalize();
        this.source = folder.resolve(className + ".java");
        List<Path> configFiles = new ArrayList<>();
        for (String config : kind.configs()) {
            configFiles.add(folder.resolve(config + ".yaml"));
        }
        this.configs = List.copyOf(configFiles);
        this.files = render();
    }

    /**
     * Plans the scaffold of a new component; writes nothing.
     *
     * @param kind what to scaffold
     * @param name the component's config name
     * @param dir the folder that receives the folder NAME
     * @return the plan
     * @throws ScaffoldException when the name is not a component name, a built-in of that kind has
     *     it, or its class name would clash with a type the template uses
     */
    public static Scaffold of(ScaffoldKind kind, String name, Path dir) {
        if (name.length() > MAX_NAME) {
            throw new ScaffoldException("NAME '" + name + "' has " + name.length() + " characters; at most "
                    + MAX_NAME);
        }
        if (!COMPONENT_NAME.matcher(name).matches()) {
            throw new ScaffoldException("NAME '" + name + "' is not a component name: write lower-case words of "
                    + "letters a-z and digits joined by single hyphens, starting with a letter, e.g. my-cooling");
        }
        Registry.Entry taken = kind.kind().isAgent() ? Registry.builtIns().agent(name)
                : Registry.builtIns().find(kind.kind(), name);
        if (taken != null) {
            Class<?> c = taken.component().getClass();
            Class<?> declaring = c.getEnclosingClass() != null ? c.getEnclosingClass() : c;
            throw new ScaffoldException("NAME '" + name + "' is taken by the built-in " + describe(taken.component()
                    .kind()) + " " + name + " (" + declaring.getName() + "); a plug-in needs a name of its own");
        }
        String className = className(name);
        if (typesUsedBy(kind).contains(className)) {
            throw new ScaffoldException("NAME '" + name + "' would name the class " + className + ", which the "
                    + kind.word() + " template already uses for another type; choose another NAME");
        }
        return new Scaffold(kind, name, dir);
    }

    /**
     * The Java class of a component name: each hyphen-separated word capitalised and joined.
     *
     * @param name a component name, e.g. {@code my-cooling}
     * @return e.g. {@code MyCooling}
     */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        for (String word : name.split("-")) {
            b.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        return b.toString();
    }

    private static String describe(Kind k) {
        for (ScaffoldKind s : ScaffoldKind.values()) {
            if (s.kind() == k) {
                return s.description();
            }
        }
        return k.word();
    }

    /**
     * The type names a scaffold's class cannot take: those the template's code names (imports,
     * nested classes, java.lang types) and the member types its class inherits, which would hide a
     * class of the same name inside its body.
     */
    static Set<String> typesUsedBy(ScaffoldKind kind) {
        Set<String> names = new HashSet<>();
        String code = NOT_CODE.matcher(Template.load(kind.word() + ".java.txt").text()).replaceAll(" ");
        Matcher m = TYPE_NAME.matcher(code);
        while (m.find()) {
            names.add(m.group());
        }
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(kind.type()));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            for (Class<?> member : c.getClasses()) {
                names.add(member.getSimpleName());
            }
            todo.addAll(List.of(c.getInterfaces()));
        }
        return names;
    }

    private Map<Path, String> render() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NAME", name);
        values.put("CLASS", className);
        Map<Path, String> out = new LinkedHashMap<>();
        out.put(source, Template.load(kind.word() + ".java.txt").fill(values));
        for (int i = 0; i < configs.size(); i++) {
            out.put(configs.get(i), Template.load(kind.word() + "." + kind.configs().get(i) + ".yaml.txt")
                    .fill(values));
        }
        List<String> results = new ArrayList<>();
        for (String config : kind.configs()) {
            results.add("`results/" + experimentName(config) + "/`");
        }
        values.put("KIND", kind.description());
        values.put("ABOUT", Template.load(kind.word() + ".about.md.txt").text().strip());
        values.put("VALIDATE", validateCommand());
        values.put("RUN", String.join("\n", runCommands()));
        values.put("RESULTS", String.join(" and ", results));
        values.put("PLURAL", configs.size() == 1 ? "" : "s");
        values.put("PLUGIN", shellWord(source));
        out.put(folder.resolve("README.md"), Template.load("README.md.txt").fill(values));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The experiment name of one of the scaffold's configs, which names its results folder.
     *
     * @param config the config's file name without {@code .yaml}
     * @return NAME-config
     */
    private String experimentName(String config) {
        return name + "-" + config;
    }

    /**
     * The folder that holds the scaffold's files.
     *
     * @return DIR/NAME, as the command line gave DIR
     */
    public Path folder() {
        return folder;
    }

    /**
     * The plug-in's source file.
     *
     * @return DIR/NAME/Class.java
     */
    public Path source() {
        return source;
    }

    /**
     * The configs, in the order of {@link ScaffoldKind#configs()}.
     *
     * @return DIR/NAME/CONFIG.yaml for each
     */
    public List<Path> configs() {
        return configs;
    }

    /**
     * Every file with its text, in the order they are written: the source, the configs, the README.
     *
     * @return the files
     */
    public Map<Path, String> files() {
        return files;
    }

    /**
     * The command that checks the plug-in and every config.
     *
     * @return {@code ./kelvin validate CONFIG... --plugin SOURCE}
     */
    public String validateCommand() {
        StringBuilder b = new StringBuilder("./kelvin validate");
        for (Path c : configs) {
            b.append(' ').append(shellWord(c));
        }
        return b.append(" --plugin ").append(shellWord(source)).toString();
    }

    /**
     * The commands that run each config with the plug-in.
     *
     * @return {@code ./kelvin run CONFIG --plugin SOURCE}, one per config
     */
    public List<String> runCommands() {
        List<String> commands = new ArrayList<>();
        for (Path c : configs) {
            commands.add("./kelvin run " + shellWord(c) + " --plugin " + shellWord(source));
        }
        return commands;
    }

    /** A path as one shell word: as it is when it needs no quoting, else in single quotes. */
    private static String shellWord(Path p) {
        String s = p.toString();
        return PLAIN_WORD.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * Writes every file, or none: refuses when any of them exists (or a path on the way is not a
     * folder), creates the folders that are missing, and writes each file to a temporary name in its
     * folder before renaming it into place, so no file is ever seen half-written. When a write
     * fails, the files and folders written so far are removed again.
     *
     * @return the files written, in order
     * @throws ScaffoldException when a file exists or a path on the way is not a folder
     * @throws IOException when a file cannot be written; nothing is left behind
     */
    public List<Path> write() throws IOException {
        checkNothingExists();
        List<Path> createdFolders = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        boolean done = false;
        try {
            createFolders(createdFolders);
            for (Map.Entry<Path, String> f : files.entrySet()) {
                create(f.getKey(), f.getValue());
                written.add(f.getKey());
            }
            done = true;
        } finally {
            if (!done) {
                for (Path p : written) {
                    Files.deleteIfExists(p);
                }
                Collections.reverse(createdFolders);
                for (Path d : createdFolders) {
                    Files.deleteIfExists(d);
                }
            }
        }
        return written;
    }

    private void checkNothingExists() {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ScaffoldException(p + " is a file, not a folder; kelvin new writes the folder " + folder);
            }
        }
        List<Path> existing = new ArrayList<>();
        for (Path f : files.keySet()) {
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                existing.add(f);
            }
        }
        if (!existing.isEmpty()) {
            throw exists(existing);
        }
    }

    private static ScaffoldException exists(List<Path> existing) {
        List<String> shown = existing.stream().map(Path::toString).toList();
        String list = shown.size() == 1 ? shown.get(0) : String.join(", ", shown.subList(0, shown.size() - 1))
                + " and " + shown.get(shown.size() - 1);
        return new ScaffoldException(list + (shown.size() == 1 ? " exists" : " exist") + "; kelvin new never "
                + "overwrites a file: move " + (shown.size() == 1 ? "it" : "them") + " away, or choose another NAME "
                + "or --dir");
    }

    /** Creates the missing folders from the outermost in, recording each one created. */
    private void createFolders(List<Path> created) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = folder.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path d = missing.pop();
            Files.createDirectory(d);
            created.add(d);
        }
    }

    /**
     * Writes a new file under a temporary name this call creates (so it never deletes a file it did not
     * make), forces it to disk and renames it into place, never over a file.
     */
    private static void create(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        FileChannel created = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try {
            try (FileChannel ch = created) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target);
            } catch (FileAlreadyExistsException e) {
                throw exists(List.of(target));
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return kind.word() + " " + name + " in " + folder;
    }
}
