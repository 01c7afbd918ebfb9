package dev.telec.migrate.adapter.out.state;

import dev.telec.migrate.adapter.out.fs.AtomicFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.telec.migrate.adapter.out.fs.Causes;
import dev.telec.migrate.adapter.out.state.StateDocument.NotAState;
import dev.telec.migrate.application.TelecException.StateException;
import dev.telec.migrate.application.port.out.StateStore;
import dev.telec.migrate.domain.HistoryEntry;
import dev.telec.migrate.domain.MigrationState;
import dev.telec.migrate.adapter.out.fs.DirectorySyncs;
import dev.telec.migrate.spi.DurabilityBarrier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The state of a home in {@code <home>/migration_state.json}:
 *
 * <pre>{@code
 * {
 *   "app": "teleclaude",
 *   "applied": ["1.1.0/001_rename_feature_toggle", "1.2.0/001_move_sessions"],
 *   "version": "1.2.0",
 *   "history": [{"id": "1.1.0/001_rename_feature_toggle", "outcome": "applied", "at": "2026-11-23T10:15:02Z"}]
 * }
 * }</pre>
 *
 * <p>{@code applied} is the only required key, so that the reference runner's files
 * ({@code {"applied": ["1.1.0/001_example.py"]}}) read as states, and ours read as theirs. Reading is strict:
 * anything else in the file is an error that names the file, and the file is never modified by a load.
 * Writing is atomic and durable (see {@link AtomicFiles}); temporary files a crash left behind are removed
 * before this instance first writes into a home.
 */
public final class JsonStateStore implements StateStore {

    /** The state file's name in a home. */
    public static final String FILE_NAME = "migration_state.json";

    /** The journal's name in a home: records appended since the state file was last written. */
    public static final String JOURNAL_NAME = StateJournal.FILE_NAME;

    /** Larger files are refused unread. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    static final int MAX_NESTING = 32;

    private static final Set<String> KEYS = Set.of("app", "applied", "version", "history");
    private static final Set<String> LINE_KEYS = Set.of("id", "outcome", "at", "checksum");
    private static final String NOT_A_STATE = "not a telec state: ";

    /** Strict reading: nesting and size limits, duplicate keys refused. */
    private final JsonFactory factory;
    // Made on the first write: reading needs only the streaming parser, so that a run with nothing to do
    // never starts Jackson's object mapper (tens of ms at start-up).
    private volatile ObjectWriter writer;
    private final LongConsumer bytesWritten;
    private final LongSupplier nanoTime;
    /**
     * Homes whose leftover temporary files this store has already deleted, so a home is listed once, not on
     * every snapshot. Bounded (the most recent {@value #CLEANED_HOMES}): a long-lived store serving many homes
     * forgets old ones, which only means listing such a home again.
     */
    private final Set<Path> cleanedHomes = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<Path, Boolean>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, Boolean> eldest) {
                    return size() > CLEANED_HOMES;
                }
            }));
    static final int CLEANED_HOMES = 64;

    public JsonStateStore() {
        this(bytes -> { });
    }

    /**
     * @param bytesWritten told the size of every snapshot and journal group written: the benchmark's measure
     *     of write volume (TELEC_STATS)
     */
    public JsonStateStore(LongConsumer bytesWritten) {
        this(bytesWritten, System::nanoTime);
    }

    /** A store whose group-commit timer is {@code nanoTime}: tests that count groups stop it. */
    JsonStateStore(LongSupplier nanoTime) {
        this(bytes -> { }, nanoTime);
    }

    /** @param nanoTime the clock of the group commit's time limit ({@link #GROUP_NANOS}) */
    JsonStateStore(LongConsumer bytesWritten, LongSupplier nanoTime) {
        this.bytesWritten = Objects.requireNonNull(bytesWritten, "bytesWritten");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private ObjectWriter writer() {
        ObjectWriter w = writer;
        if (w != null) return w;
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        w = JsonMapper.builder(factory).build().writer(pretty);
        writer = w;
        return w;
    }

    /** Records buffered before a group commit at most. */
    static final int GROUP_RECORDS = 256;

    /** How long a record stays buffered at most before its group is committed. */
    static final long GROUP_NANOS = 200_000_000L;

    private final Map<Path, StateJournal.Writer> journals = new ConcurrentHashMap<>();

    /**
     * The snapshot {@code migration_state.json} with the records of {@code migration_state.journal} that
     * continue it (see {@link StateJournal}); a torn or corrupt journal tail is ignored.
     */
    @Override
    public MigrationState load(Path home) {
        MigrationState snapshot = loadSnapshot(home);
        Path journal = home.resolve(StateJournal.FILE_NAME);
        byte[] bytes = readJournal(journal);
        StateJournal.Replay replay = bytes == null
                ? new StateJournal.Replay(snapshot, 0, 0)
                : StateJournal.replay(snapshot, bytes);
        Path key = home.toAbsolutePath().normalize();
        StateJournal.Writer old = journals.put(key,
                new StateJournal.Writer(journal, replay.validLength(), replay.state().history().size()));
        if (old != null) old.close();
        return replay.state();
    }

    private static byte[] readJournal(Path journal) {
        try (InputStream in = Files.newInputStream(journal)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw tooLarge(journal, bytes.length);
            return bytes;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StateException(journal, "cannot read: " + reason(e), e);
        }
    }

    /**
     * Appends the record to the home's journal; records are written and forced in groups of up to
     * {@value #GROUP_RECORDS} or every 200 ms, and always by {@link #commit} or {@link #save}. Only records
     * of steps whose {@code migrate()} has returned are ever written (see {@link StateStore#record}).
     */
    @Override
    public void record(Path home, HistoryEntry entry) {
        record(home, entry, DurabilityBarrier.NONE);
    }

    /** Like {@link #record(Path, HistoryEntry)}; {@code barrier} is flushed before the record's group is written. */
    @Override
    public void record(Path home, HistoryEntry entry, DurabilityBarrier barrier) {
        Path key = home.toAbsolutePath().normalize();
        StateJournal.Writer writer = journals.get(key);
        if (writer == null) {
            load(home);
            writer = journals.get(key);
        }
        if (writer.append(entry, barrier, GROUP_RECORDS, GROUP_NANOS, nanoTime.getAsLong())) {
            flush(home, writer);
        }
    }

    /** A barrier that syncs the directories asked for ({@link DirectorySyncs}); one per run. */
    @Override
    public DurabilityBarrier newBarrier() {
        return new DirectorySyncs();
    }

    /** Makes the records durable and compacts them into the snapshot {@code state}. */
    @Override
    public void commit(Path home, MigrationState state) {
        save(home, state);
    }

    /** The journal, with how many records it adds to the snapshot, and temporary files of the state file. */
    @Override
    public List<String> leftovers(Path home) {
        List<String> found = new ArrayList<>();
        Path journal = home.resolve(StateJournal.FILE_NAME);
        byte[] bytes = readJournal(journal);
        if (bytes != null) {
            int records = StateJournal.replay(loadSnapshot(home), bytes).records();
            found.add(StateJournal.FILE_NAME + " (" + records + (records == 1 ? " record" : " records")
                    + " not yet compacted into " + FILE_NAME + ")");
        }
        Path file = home.resolve(FILE_NAME);
        if (Files.isDirectory(home)) {
            try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(home)) {
                List<String> temps = new ArrayList<>();
                for (Path p : entries) {
                    if (AtomicFiles.isTempFileOf(file, p)) temps.add(p.getFileName() + " (left by an interrupted write)");
                }
                temps.sort(null);
                found.addAll(temps);
            } catch (IOException e) {
                throw new StateException(home, "cannot list the home: " + reason(e), e);
            }
        }
        return found;
    }

    /** Removes the state file's leftover temporary files, then saves {@code state}, which deletes the journal. */
    @Override
    public void tidy(Path home, MigrationState state) {
        try {
            if (Files.isDirectory(home)) AtomicFiles.deleteLeftovers(home.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new StateException(home, "cannot list the home: " + reason(e), e);
        }
        save(home, state);
    }

    private void flush(Path home, StateJournal.Writer writer) {
        try {
            ensureHome(home, home.resolve(StateJournal.FILE_NAME));
            // the writer flushes the records' barrier first: the steps' directory changes before their records
            bytesWritten.accept(writer.flush(AtomicFiles.OWNER_ONLY));
        } catch (IOException e) {
            writer.close();
            journals.remove(home.toAbsolutePath().normalize());
            throw new StateException(home.resolve(StateJournal.FILE_NAME), "cannot write: " + reason(e), e);
        }
    }

    private static void ensureHome(Path home, Path file) throws IOException {
        if (!Files.isDirectory(home)) {
            try {
                AtomicFiles.createDirectories(home);
            } catch (FileAlreadyExistsException e) {
                throw new StateException(home, "not a directory; a home must be a directory", e);
            }
        }
    }

    private MigrationState loadSnapshot(Path home) {
        Path file = home.resolve(FILE_NAME);
        BasicFileAttributes homeAttributes;
        try {
            homeAttributes = Files.readAttributes(home, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return MigrationState.EMPTY;
        } catch (IOException e) {
            throw new StateException(home, "cannot read the home: " + reason(e), e);
        }
        if (!homeAttributes.isDirectory()) {
            throw new StateException(home, "not a directory; a home must be a directory", null);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return MigrationState.EMPTY;
        } catch (IOException e) {
            throw new StateException(file, "cannot read: " + reason(e), e);
        }
        if (attributes.isDirectory()) {
            throw new StateException(file, "is a directory, not a state file", null);
        }
        if (!attributes.isRegularFile()) {
            throw new StateException(file, "not a regular file", null);
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(file, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new StateException(file, "cannot read: " + reason(e), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file, bytes.length);
        }
        return parse(file, bytes);
    }

    /**
     * Writes {@code state} as the snapshot, atomically and durably, then deletes the journal, whose records
     * the snapshot holds (compaction). Pending journal records are forced first, so that a failed snapshot
     * write loses none of them.
     */
    @Override
    public void save(Path home, MigrationState state) {
        Path key0 = home.toAbsolutePath().normalize();
        StateJournal.Writer writer = journals.remove(key0);
        if (writer != null && writer.hasPending()) {
            flush(home, writer);
        }
        if (writer != null) writer.close();
        writeSnapshot(home, state);
        Path journal = home.resolve(StateJournal.FILE_NAME);
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            throw new StateException(journal, "cannot delete after compacting it into " + FILE_NAME + ": " + reason(e), e);
        }
    }

    private void writeSnapshot(Path home, MigrationState state) {
        Path file = home.resolve(FILE_NAME);
        byte[] bytes = serialize(state);
        try {
            createDirectories(home);
        } catch (FileAlreadyExistsException e) {
            String blocker = e.getFile();
            throw new StateException(home, blocker == null || blocker.equals(home.toAbsolutePath().toString())
                    ? "not a directory; a home must be a directory"
                    : "cannot create the home: " + blocker + " is not a directory", e);
        } catch (IOException e) {
            throw new StateException(file, "cannot create the home: " + reason(e), e);
        }
        if (Files.isDirectory(file)) {
            throw new StateException(file, "is a directory, not a state file", null);
        }
        Path key = home.toAbsolutePath().normalize();
        if (cleanedHomes.add(key)) {
            try {
                AtomicFiles.deleteLeftovers(file);
            } catch (IOException e) {
                cleanedHomes.remove(key); // the home cannot be listed; the write below reports the real problem
            }
        }
        try {
            AtomicFiles.write(file, bytes);
            bytesWritten.accept(bytes.length);
        } catch (IOException e) {
            throw new StateException(file, "cannot write: " + reason(e), e);
        }
    }

    /**
     * Like {@link Files#createDirectories} without its speculative first attempt, whose failure it swallows:
     * every directory creation here happens once, and its failure is reported. Durable: see {@link
     * AtomicFiles#createDirectories}.
     */
    private static void createDirectories(Path dir) throws IOException {
        AtomicFiles.createDirectories(dir);
    }

    /** The exact bytes {@link #save} writes for {@code state}. */
    byte[] serialize(MigrationState state) {
        try {
            byte[] json = writer().writeValueAsBytes(StateDocument.fromDomain(state));
            byte[] withNewline = new byte[json.length + 1];
            System.arraycopy(json, 0, withNewline, 0, json.length);
            withNewline[json.length] = '\n';
            return withNewline;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + state, e);
        }
    }

    /** Parses the bytes of {@code file}; every failure is a one-line {@link StateException} naming it. */
    MigrationState parse(Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StateException(file, NOT_A_STATE + "not UTF-8 text (a binary file?)", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new StateException(file, NOT_A_STATE + "the file is empty", null);
        }
        JsonNode tree;
        try {
            tree = readTree(text);
        } catch (JsonProcessingException e) {
            throw new StateException(file, "invalid JSON" + at(e.getLocation()) + ": " + shortReason(e), e);
        }
        try {
            return toDocument(tree).toDomain();
        } catch (NotAState e) {
            throw new StateException(file, NOT_A_STATE + e.getMessage(), null);
        }
    }

    /**
     * The whole document as a tree, read with the streaming parser (what {@code ObjectMapper.readTree} with
     * {@code FAIL_ON_TRAILING_TOKENS} does, without starting the mapper): every syntax error is found before
     * the shape is checked, as before.
     */
    private JsonNode readTree(String text) throws JsonProcessingException {
        try (JsonParser p = factory.createParser(text)) {
            JsonNode root = value(p, p.nextToken());
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Trailing token (of type " + trailing + ") found after value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string", e); // a String source does no I/O
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "No content to map due to end-of-input");
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.set(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(value(p, e));
                }
                return array;
            }
            case VALUE_STRING: return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT: return nodes.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT: return nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE: return nodes.booleanNode(true);
            case VALUE_FALSE: return nodes.booleanNode(false);
            case VALUE_NULL: return nodes.nullNode();
            default: throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
        }
    }

    /** Checks the shape of the tree: which keys, and that values are of the right JSON types. */
    private static StateDocument toDocument(JsonNode tree) throws NotAState {
        if (!tree.isObject()) {
            throw new NotAState("the top level must be an object, not " + kind(tree));
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new NotAState("unknown key " + StateDocument.quote(name) + " (known: app, applied, version, history)");
            }
        }
        JsonNode applied = tree.get("applied");
        if (applied == null) {
            throw new NotAState("\"applied\" is missing; it must be an array of strings");
        }
        List<String> ids = strings(applied);
        if (ids == null) {
            throw new NotAState("\"applied\" must be an array of strings");
        }
        JsonNode version = tree.get("version");
        if (version != null && !version.isTextual()) {
            throw new NotAState("\"version\" must be a SemVer version string, not " + kind(version));
        }
        JsonNode app = tree.get("app");
        if (app != null && !app.isTextual()) {
            throw new NotAState("\"app\" must be a string naming the app, not " + kind(app));
        }
        JsonNode history = tree.get("history");
        List<StateDocument.Line> lines = null;
        if (history != null) {
            if (!history.isArray()) {
                throw new NotAState("\"history\" must be an array of {\"id\", \"outcome\", \"at\"} objects, not " + kind(history));
            }
            lines = new ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                lines.add(line(history.get(i), i));
            }
        }
        return new StateDocument(app == null ? null : app.textValue(), ids, version == null ? null : version.textValue(), lines);
    }

    private static StateDocument.Line line(JsonNode node, int i) throws NotAState {
        String where = "\"history\"[" + i + "]";
        if (!node.isObject()) {
            throw new NotAState(where + " must be an object with string \"id\", \"outcome\" and \"at\", not " + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!LINE_KEYS.contains(name)) {
                throw new NotAState(where + ": unknown key " + StateDocument.quote(name) + " (known: id, outcome, at, checksum)");
            }
        }
        String[] values = new String[3];
        String[] keys = {"id", "outcome", "at"};
        for (int k = 0; k < keys.length; k++) {
            JsonNode v = node.get(keys[k]);
            if (v == null || !v.isTextual()) {
                throw new NotAState(where + ": \"" + keys[k] + "\" must be a string"
                        + (v == null ? " (it is missing)" : ", not " + kind(v)));
            }
            values[k] = v.textValue();
        }
        JsonNode checksum = node.get("checksum");
        if (checksum != null && !checksum.isTextual()) {
            throw new NotAState(where + ": \"checksum\" must be a string, not " + kind(checksum));
        }
        return new StateDocument.Line(values[0], values[1], values[2], checksum == null ? null : checksum.textValue());
    }

    /** The elements of an array of strings, or null when {@code node} is not one. */
    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(node.size());
        for (JsonNode e : node) {
            if (!e.isTextual()) {
                return null;
            }
            out.add(e.textValue());
        }
        return out;
    }

    private static String kind(JsonNode node) {
        switch (node.getNodeType()) {
            case ARRAY: return "an array";
            case OBJECT: return "an object";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String shortReason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        message = Causes.oneLine(message);
        return message.length() > 200 ? message.substring(0, 197) + "..." : message;
    }

    private static StateException tooLarge(Path file, long size) {
        return new StateException(file, "too large for a state file: " + size + " bytes (the limit is 64 MiB)", null);
    }

    /** A short, one-line cause: the OS's reason ({@code No space left on device}) when there is one. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null && !fse.getReason().isBlank()) {
            return Causes.oneLine(fse.getReason());
        }
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException nsf) return "no such file: " + nsf.getFile();
        if (e instanceof FileAlreadyExistsException fae) return "already exists: " + fae.getFile();
        if (e instanceof FileSystemException fse) return e.getClass().getSimpleName() + ": " + fse.getFile();
        return e.getMessage() == null ? e.getClass().getSimpleName() : Causes.oneLine(e.getMessage());
    }
}
