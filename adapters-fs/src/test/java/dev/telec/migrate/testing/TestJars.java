package dev.telec.migrate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Builds small jars in tests: compiled classes and resources, with directory entries as Maven writes them. */
public final class TestJars {

    private TestJars() {}

    /**
     * Compiles {@code sources} (binary class name to source text) against {@code classPath} and returns the
     * class files by jar entry name.
     */
    public static Map<String, byte[]> compile(Map<String, String> sources, List<Path> classPath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(className.replace('.', '/') + ".class", out);
                        return out;
                    }
                };
            }
        };
        List<String> options = new ArrayList<>(List.of("--release", "17", "-proc:none"));
        if (!classPath.isEmpty()) {
            List<String> entries = new ArrayList<>();
            for (Path p : classPath) entries.add(p.toString());
            options.add("-classpath");
            options.add(String.join(java.io.File.pathSeparator, entries));
        }
        boolean ok = compiler.getTask(null, manager, diagnostics, options, null, units).call();
        if (!ok) throw new IllegalStateException("compilation failed: " + diagnostics.getDiagnostics());
        Map<String, byte[]> result = new TreeMap<>();
        classes.forEach((name, out) -> result.put(name, out.toByteArray()));
        return result;
    }

    /** Writes a jar of {@code entries} (entry name to bytes), with an entry for every parent directory. */
    public static Path write(Path jar, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        TreeSet<String> directories = new TreeSet<>();
        for (String name : entries.keySet()) {
            for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                directories.add(name.substring(0, slash + 1));
            }
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String directory : directories) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Text as UTF-8 bytes, for {@link #write}. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Where {@code type}'s class file comes from: a directory or jar, for a compile class path. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate " + type, e);
        }
    }
}
