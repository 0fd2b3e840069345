package dev.kmipjca.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether progress output goes to a person at a terminal: the one place commands ask (progress bars of
 * {@code encrypt}, {@code decrypt} and {@code rewrap --dir}). Java cannot ask about standard error alone;
 * a JVM with an interactive console (standard input and output on a terminal) is taken to have its
 * standard error there too. Up to JDK 21 {@code System.console()} is null unless the JVM is interactive;
 * from JDK 22 it is a console even when the streams are redirected, and {@code Console.isTerminal()}
 * (called through reflection, since the project targets Java 17) tells the two apart.
 */
final class Terminal {
    private static final Method IS_TERMINAL = isTerminalMethod();

    private Terminal() {
    }

    /** True when progress bars should be drawn on standard error. */
    static boolean stderrIsTerminal() {
        return isTerminal(System.console(), IS_TERMINAL);
    }

    /**
     * The decision, separated for tests: no console, not a terminal; a console whose {@code isTerminal}
     * method exists, its answer; a console of a JDK without that method (before 22), a terminal.
     */
    static boolean isTerminal(Object console, Method isTerminal) {
        if (console == null) {
            return false;
        }
        if (isTerminal == null) {
            return true;
        }
        try {
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method isTerminalMethod() {
        try {
            return Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
