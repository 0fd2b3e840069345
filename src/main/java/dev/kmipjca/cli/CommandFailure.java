package dev.kmipjca.cli;

/** A command could not do what was asked for a reason its message states (exit code 1). */
final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
