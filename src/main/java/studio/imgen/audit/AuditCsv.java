package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_LOG;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Writes audit entries as RFC 4180 CSV (UTF-8, CRLF), one entry at a time, so memory stays flat however many rows
 * stream through. It reads only its own columns (the image ids already joined by the database), which keeps a million
 * rows fast. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an
 * apostrophe (OWASP "CSV injection").
 */
final class AuditCsv implements AutoCloseable {

    /** Header → column; the order is the file's. */
    static final Map<String, Field<?>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("seq", AUDIT_LOG.SEQ);
        COLUMNS.put("time_utc", AUDIT_LOG.AT);
        COLUMNS.put("user", AUDIT_LOG.ACTOR_NAME);
        COLUMNS.put("user_id", AUDIT_LOG.ACTOR_ID);
        COLUMNS.put("action", AUDIT_LOG.ACTION);
        COLUMNS.put("status", AUDIT_LOG.STATUS);
        COLUMNS.put("outcome", AUDIT_LOG.OUTCOME);
        COLUMNS.put("reason", AUDIT_LOG.REASON);
        COLUMNS.put("model", AUDIT_LOG.MODEL);
        COLUMNS.put("size", AUDIT_LOG.SIZE);
        COLUMNS.put("quality", AUDIT_LOG.QUALITY);
        COLUMNS.put("n", AUDIT_LOG.N);
        COLUMNS.put("background", AUDIT_LOG.BACKGROUND);
        COLUMNS.put("format", AUDIT_LOG.OUTPUT_FORMAT);
        COLUMNS.put("references", AUDIT_LOG.REFERENCE_COUNT);
        COLUMNS.put("mask", AUDIT_LOG.HAS_MASK);
        COLUMNS.put("images", DSL.cardinality(AUDIT_LOG.IMAGE_IDS).as("images"));
        COLUMNS.put("image_ids", DSL.field("array_to_string({0}, ' ')", String.class, AUDIT_LOG.IMAGE_IDS).as("image_ids"));
        COLUMNS.put("cost_usd", DSL.field("({0}::numeric / 1000000)::numeric(20, 6)", BigDecimal.class,
                AUDIT_LOG.COST_MICROS).as("cost_usd"));
        // "estimated": computed at rates the catalogue marks as estimates, not OpenAI's published prices.
        COLUMNS.put("cost_basis", DSL.when(AUDIT_LOG.COST_MICROS.isNull(), DSL.inline((String) null))
                .when(AUDIT_LOG.COST_ESTIMATED, DSL.inline("estimated")).otherwise(DSL.inline("published"))
                .as("cost_basis"));
        COLUMNS.put("latency_ms", AUDIT_LOG.LATENCY_MS);
        COLUMNS.put("openai_request_id", AUDIT_LOG.OPENAI_REQUEST_ID);
        COLUMNS.put("text_input_tokens", AUDIT_LOG.TEXT_INPUT_TOKENS);
        COLUMNS.put("image_input_tokens", AUDIT_LOG.IMAGE_INPUT_TOKENS);
        COLUMNS.put("image_output_tokens", AUDIT_LOG.IMAGE_OUTPUT_TOKENS);
        COLUMNS.put("text_output_tokens", AUDIT_LOG.TEXT_OUTPUT_TOKENS);
        COLUMNS.put("generation_id", AUDIT_LOG.GENERATION_ID);
        COLUMNS.put("client_ip", AUDIT_LOG.CLIENT_IP);
        COLUMNS.put("prompt", AUDIT_LOG.PROMPT);
    }

    private final CSVPrinter printer;
    private final List<Object> values = new ArrayList<>(COLUMNS.size());
    private long rows;

    AuditCsv(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(COLUMNS.keySet().toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Field<?>> fields() {
        return List.copyOf(COLUMNS.values());
    }

    /** Writes one row selected with {@link #fields()}. */
    void write(Record r) {
        values.clear();
        for (int i = 0; i < r.size(); i++) {
            values.add(cell(r.get(i)));
        }
        try {
            printer.printRecord(values);
            // Flush now and then so the download starts at once and buffers stay small.
            if (++rows % 500 == 0) {
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object cell(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant().toString();
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value;
    }

    long rows() {
        return rows;
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
