package dev.kmipjca.cli;

import dev.kmipjca.client.Batch;
import dev.kmipjca.client.BatchItemResult;
import dev.kmipjca.client.KmipClient;
import dev.kmipjca.client.LocateFilter;
import dev.kmipjca.protocol.AttributeKey;
import dev.kmipjca.protocol.Attributes;
import dev.kmipjca.protocol.GetAttributes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kmip-jca keys list}: Locate, then Get Attributes of each object found, as a table. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Lists the objects on the server.",
        description = {"Lists the objects this client may see (Locate), with their Name, Object Type, State,"
            + " algorithm and length (Get Attributes, batched).", ""})
final class KeysList implements Callable<Integer> {
    /** Get Attributes items per request message. */
    static final int BATCH = 50;
    static final List<String> HEADER = List.of("UNIQUE IDENTIFIER", "NAME", "TYPE", "STATE", "ALGORITHM", "LENGTH");

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--name", paramLabel = "NAME", description = "Only objects with this Name.")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        try (KmipClient client = server.openClient()) {
            LocateFilter filter = name == null ? LocateFilter.builder().build() : LocateFilter.byName(name);
            List<String> ids = client.locate(filter).uniqueIdentifiers();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                Batch batch = client.batch().continueOnError();
                chunk.forEach(uid -> batch.getAttributes(uid));
                List<BatchItemResult> items = batch.execute().items();
                for (int i = 0; i < chunk.size(); i++) {
                    rows.add(row(chunk.get(i), items.get(i)));
                }
            }
        }
        print(rows, out);
        if (rows.size() == 1) {
            spec.commandLine().getErr().println(name == null ? "no objects found" : "no objects named \"" + name + "\"");
        }
        return 0;
    }

    private static List<String> row(String uid, BatchItemResult item) {
        if (!item.isSuccess()) {
            String why = item.reason() == null ? "not executed" : item.reason().toString();
            return List.of(uid, "(" + why + ")", "-", "-", "-", "-");
        }
        try {
            Attributes a = item.payload(GetAttributes.Response.class).attributes();
            return List.of(uid, AttributeText.first(a, AttributeKey.NAME), AttributeText.first(a, AttributeKey.OBJECT_TYPE),
                    AttributeText.first(a, AttributeKey.STATE), AttributeText.first(a, AttributeKey.CRYPTOGRAPHIC_ALGORITHM),
                    AttributeText.first(a, AttributeKey.CRYPTOGRAPHIC_LENGTH));
        } catch (Exception e) {
            return List.of(uid, "(" + Failures.describe(e) + ")", "-", "-", "-", "-");
        }
    }

    /** Columns padded to their widest cell, two spaces apart. */
    static void print(List<List<String>> rows, PrintWriter out) {
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                sb.append(i + 1 < r.size() ? String.format("%-" + width[i] + "s  ", r.get(i)) : r.get(i));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }
}
