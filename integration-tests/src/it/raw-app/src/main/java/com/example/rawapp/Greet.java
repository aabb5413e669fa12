package com.example.rawapp;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints a greeting for the name given with {@code --name}. */
@Command(name = "raw-app", mixinStandardHelpOptions = true, version = "raw-app 1.0.0")
public final class Greet implements Callable<Integer> {
    @Option(names = "--name", defaultValue = "world", description = "Who to greet.")
    private String name;

    @Override
    public Integer call() {
        System.out.println("Hello, " + name + "!");
        return 0;
    }

    /** Runs the command and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Greet()).execute(args));
    }
}
