package kelvin.experiments.plugin;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles plug-in sources in memory with the JDK's compiler ({@code javax.tools}) against Kelvin's
 * class path, and defines the classes in a class loader of their own. A compile error becomes one
 * line {@code FILE:LINE:COL: message}, FILE as the user named it.
 */
final class InMemoryCompiler {

    /**
     * What a compilation made.
     *
     * @param loader the loader that defines the compiled classes
     * @param classNames the binary names of every compiled class
     */
    record Result(ClassLoader loader, Set<String> classNames) {
    }

    private InMemoryCompiler() {
    }

    /**
     * Compiles a .java file, or every .java file under a folder, together.
     *
     * @param path the file or folder
     * @param origin the path as the user gave it, for messages
     * @param classPath what the sources are compiled against
     * @return a loader of the compiled classes, with their binary names
     * @throws PluginException on a compile error or when no compiler is available
     */
    static Result compile(Path path, String origin, List<String> classPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new PluginException("--plugin " + origin + ": compiling .java plug-ins needs a JDK (javac), and this "
                    + "Java runtime has none; run Kelvin with a JDK, or give the plug-in as a jar");
        }
        List<Path> sources = sources(path, origin);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8);
        Memory memory = new Memory(standard);
        List<String> options = List.of("-encoding", "UTF-8", "-proc:none", "--release", "17", "-g",
                "-classpath", String.join(File.pathSeparator, classPath));
        Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(sources);
        boolean ok = compiler.getTask(null, memory, diagnostics, options, null, units).call();
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        if (!ok || !errors.isEmpty()) {
            throw new PluginException(message(errors, path, origin));
        }
        return new Result(new Loader(memory.classes, InMemoryCompiler.class.getClassLoader()),
                Set.copyOf(memory.classes.keySet()));
    }

    private static List<Path> sources(Path path, String origin) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw Plugins.unreadable(origin, e);
        }
    }

    /** The first error as FILE:LINE:COL: message, the file named as the user gave it. */
    private static String message(List<Diagnostic<? extends JavaFileObject>> errors, Path path, String origin) {
        if (errors.isEmpty()) {
            return "--plugin " + origin + ": the compiler failed without saying why";
        }
        Diagnostic<? extends JavaFileObject> first = errors.get(0);
        String file = origin;
        if (first.getSource() != null) {
            Path source = Path.of(first.getSource().toUri());
            if (Files.isDirectory(path)) {
                String relative = path.toAbsolutePath().normalize().relativize(source.toAbsolutePath().normalize())
                        .toString().replace(File.separatorChar, '/');
                file = origin.endsWith("/") ? origin + relative : origin + "/" + relative;
            }
        }
        StringBuilder text = new StringBuilder();
        // javac names java.lang's types in full (java.lang.String); a user writes them without the package
        for (String line : first.getMessage(Locale.ROOT).replace("java.lang.", "").split("\\R")) {
            if (!line.isBlank()) {
                text.append(text.length() > 0 ? "; " : "").append(line.strip());
            }
        }
        String where = first.getLineNumber() > 0 ? ":" + first.getLineNumber() + ":" + first.getColumnNumber() : "";
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more compile error"
                + (errors.size() > 2 ? "s" : "") + ")" : "";
        return file + where + ": " + text + more;
    }

    /** Keeps the compiler's class files in memory. */
    private static final class Memory extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, ByteArrayOutputStream> classes = new HashMap<>();

        Memory(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
                                                   JavaFileObject.Kind kind, FileObject sibling) {
            URI uri = URI.create("memory:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    classes.put(className, bytes);
                    return bytes;
                }
            };
        }
    }

    /** Defines the compiled classes; everything else comes from Kelvin's own loader. */
    private static final class Loader extends ClassLoader {
        private final Map<String, ByteArrayOutputStream> classes;

        Loader(Map<String, ByteArrayOutputStream> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ByteArrayOutputStream bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] b = bytes.toByteArray();
            return defineClass(name, b, 0, b.length);
        }
    }
}
