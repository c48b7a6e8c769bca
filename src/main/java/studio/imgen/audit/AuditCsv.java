package studio.imgen.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit entries as RFC 4180 CSV (UTF-8, CRLF), one entry at a time, so memory stays flat however many rows
 * stream through. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with
 * an apostrophe (OWASP "CSV injection").
 */
final class AuditCsv implements AutoCloseable {

    static final List<String> HEADER = List.of("seq", "time_utc", "user", "user_id", "action", "status", "outcome",
            "reason", "model", "size", "quality", "n", "background", "format", "references", "mask", "images",
            "image_ids", "cost_usd", "latency_ms", "openai_request_id", "text_input_tokens", "image_input_tokens",
            "image_output_tokens", "text_output_tokens", "generation_id", "client_ip", "prompt");

    private final CSVPrinter printer;
    private long rows;

    AuditCsv(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(AuditDetail e) {
        try {
            printer.printRecord(e.seq(), e.at().toString(), text(e.actorName()), e.actorId(), e.action(), e.status(),
                    e.outcome(), text(e.reason()), text(e.model()), text(e.size()), text(e.quality()), e.n(),
                    e.background(), e.outputFormat(), e.referenceCount(), e.hasMask(), e.imageIds().size(),
                    e.imageIds().stream().map(UUID::toString).collect(Collectors.joining(" ")),
                    e.costMicros() == null ? null : BigDecimal.valueOf(e.costMicros(), 6).toPlainString(),
                    e.latencyMs(), text(e.openaiRequestId()), e.textInputTokens(), e.imageInputTokens(),
                    e.imageOutputTokens(), e.textOutputTokens(), e.generationId(), text(e.clientIp()),
                    text(e.prompt()));
            // Flush now and then so the download starts at once and buffers stay small.
            if (++rows % 500 == 0) {
                printer.flush();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
