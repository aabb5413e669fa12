package dev.distribution.example;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Greets the people named on the command line. */
@Command(name = "hello", mixinStandardHelpOptions = true, version = "hello 1.0.0",
        description = "Prints a greeting for each name.")
public final class Hello implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", defaultValue = "world", description = "Who to greet.")
    private String[] names;

    @Option(names = {"-s", "--shout"}, description = "Print the greeting in capitals.")
    private boolean shout;

    @Override
    public Integer call() {
        for (String name : names) {
            String greeting = "Hello, " + name + "!";
            System.out.println(shout ? greeting.toUpperCase(java.util.Locale.ROOT) : greeting);
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Hello()).execute(args));
    }
}
