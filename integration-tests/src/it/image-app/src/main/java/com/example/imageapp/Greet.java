package com.example.imageapp;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints a greeting; the image under test runs this class. */
@Command(name = "greet", mixinStandardHelpOptions = true)
public class Greet implements Callable<Integer> {
    @Option(names = "--name", defaultValue = "world", description = "Who to greet.")
    private String name;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Greet()).execute(args));
    }

    @Override
    public Integer call() {
        System.out.println("Hello, " + name + "!");
        return 0;
    }
}
