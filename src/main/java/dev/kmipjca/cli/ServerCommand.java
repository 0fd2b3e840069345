package dev.kmipjca.cli;

import dev.kmipjca.protocol.Operation;
import dev.kmipjca.protocol.ResultReason;
import dev.kmipjca.server.DevServer;
import dev.kmipjca.server.DevServerConfig;
import dev.kmipjca.server.Faults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kmip-jca server}: the development KMIP server, until SIGTERM or SIGINT. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Runs the development KMIP server (for development and tests, never production).",
        description = {"Runs the development KMIP server: KMIP 1.0 to 2.1 over TLS 1.2/1.3 with client"
            + " certificates, for development, tests and demos only (never production).",
            "On first start it creates in DIR a throwaway CA (ca.pem), server.pem, client.pem and client.kmip,"
            + " a keystore file of kmip.* settings pointing at this server. When ready it prints"
            + " 'listening on HOST:PORT'. Stop it with Ctrl-C or SIGTERM.", ""})
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "kmip-dev",
            description = "Directory of certificates, keystore files and objects (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on, also put in the server certificate (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5696",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--new-identity", paramLabel = "NAME",
            description = "Also create client-NAME.pem and client-NAME.kmip (CN=NAME); repeatable.")
    List<String> newIdentities = new ArrayList<>();

    @Option(names = "--delay-ms", paramLabel = "MS", description = "Fault: delay every response by MS milliseconds.")
    long delayMs;

    @Option(names = "--drop-after", paramLabel = "N", defaultValue = "-1",
            description = "Fault: on each connection answer N requests, then close it on the next one.")
    int dropAfter;

    @Option(names = "--fail-operation", paramLabel = "OP", converter = OperationConverter.class,
            description = "Fault: fail this operation (e.g. Encrypt) with --fail-reason.")
    Operation failOperation;

    @Option(names = "--fail-all", description = "Fault: fail every operation with --fail-reason.")
    boolean failAll;

    @Option(names = "--fail-reason", paramLabel = "REASON", converter = ReasonConverter.class,
            description = "Result Reason of injected failures (e.g. 'Permission Denied').")
    ResultReason failReason;

    @Option(names = "--stall-handshake", description = "Fault: accept connections but never complete the TLS handshake.")
    boolean stallHandshake;

    @Override
    public Integer call() throws Exception {
        if ((failOperation != null || failAll) != (failReason != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--fail-reason goes with --fail-operation or --fail-all, and they with it");
        }
        Faults.Builder faults = Faults.builder().delayMillis(delayMs).dropAfterRequests(dropAfter)
                .stallHandshake(stallHandshake);
        if (failReason != null) {
            faults.fail(failAll ? null : failOperation, failReason);
        }
        DevServerConfig config;
        try {
            DevServerConfig.Builder b = DevServerConfig.builder().dir(dir).host(host).port(port).faults(faults.build());
            newIdentities.forEach(b::identity);
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DevServer server;
        try {
            server = DevServer.start(config);
        } catch (IOException | IllegalArgumentException e) {
            err.println("cannot start the development server on " + host + ":" + port + ": " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(() -> stop(server, out, err), "kmip-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (String name : newIdentities) {
            err.println("identity " + name + ": " + server.dir().resolve("client-" + name + ".kmip").toAbsolutePath());
        }
        err.println("client keystore file: " + server.clientKeystore().toAbsolutePath());
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        out.println("listening on " + h + ":" + server.port());
        out.flush();
        server.awaitClose();
        return CommandLine.ExitCode.OK;
    }

    private static void stop(DevServer server, PrintWriter out, PrintWriter err) {
        server.close();
        err.println("stopped");
        out.flush();
        err.flush();
        if (Main.standalone) {
            Runtime.getRuntime().halt(0);
        }
    }

    static final class OperationConverter implements CommandLine.ITypeConverter<Operation> {
        @Override
        public Operation convert(String value) {
            Operation op = Operation.named(value);
            if (op == null) {
                throw new CommandLine.TypeConversionException("unknown operation '" + value + "' (e.g. Create, Encrypt)");
            }
            return op;
        }
    }

    static final class ReasonConverter implements CommandLine.ITypeConverter<ResultReason> {
        @Override
        public ResultReason convert(String value) {
            ResultReason r = ResultReason.named(value);
            if (r == null) {
                throw new CommandLine.TypeConversionException("unknown Result Reason '" + value
                        + "' (e.g. 'Permission Denied', 'Item Not Found')");
            }
            return r;
        }
    }
}
