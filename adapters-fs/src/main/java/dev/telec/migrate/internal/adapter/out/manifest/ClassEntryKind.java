package dev.telec.migrate.internal.adapter.out.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.telec.migrate.spi.Migration;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.regex.Pattern;

/** {@code class: fully.qualified.Name}: a public {@link Migration} class with a public no-arg constructor. */
final class ClassEntryKind implements EntryKind {

    private static final Pattern BINARY_NAME =
            Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(?:[.$][\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    @Override
    public String field() {
        return "class";
    }

    @Override
    public Migration create(EntryDocument document) {
        JsonNode value = document.fields().get(field());
        if (!value.isTextual()) {
            throw document.error("class must be a string naming a class, got " + Messages.kindOf(value));
        }
        String name = value.asText();
        if (!BINARY_NAME.matcher(name).matches()) {
            throw document.error("class must be a fully qualified class name, got '" + name + "'");
        }
        Class<?> type;
        try {
            type = Class.forName(name, false, document.classLoader());
        } catch (ClassNotFoundException e) {
            throw document.error("class " + name + " not found", e);
        } catch (LinkageError e) {
            throw document.error("class " + name + " cannot be loaded: " + Messages.describe(e), e);
        }
        if (!Migration.class.isAssignableFrom(type)) {
            throw document.error("class " + name + " does not implement " + Migration.class.getName());
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw document.error("class " + name + " is not public");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw document.error("class " + name + " is abstract");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw document.error("class " + name + " has no public no-arg constructor", e);
        } catch (LinkageError e) {
            throw document.error("class " + name + " cannot be loaded: " + Messages.describe(e), e);
        }
        try {
            return (Migration) constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VirtualMachineError fatal) throw fatal;
            throw document.error("constructor of " + name + " threw " + Messages.describe(cause), cause);
        } catch (ExceptionInInitializerError e) {
            throw document.error("static initializer of " + name + " threw " + Messages.describe(e.getCause()), e);
        } catch (LinkageError e) {
            throw document.error("class " + name + " cannot be initialized: " + Messages.describe(e), e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw document.error("cannot instantiate " + name + ": " + Messages.describe(e), e);
        }
    }

}
