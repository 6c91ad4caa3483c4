package dev.payback.cli;

/** Entry point of the {@code payback} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine().execute(args));
    }

    static {
        // POI logs through the Log4j API; without a logging backend it prints an "ERROR ... could not
        // find a logging provider" line on every run. Route it to Log4j's own simple logger, switched off.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
    }
}
