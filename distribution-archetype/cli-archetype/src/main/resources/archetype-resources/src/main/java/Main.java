package ${package};

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ${commandName} command: greets each name given on the command line. */
@Command(
        name = "${commandName}",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Prints a greeting for each name.")
public final class Main implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", defaultValue = "world", description = "Who to greet.")
    private String[] names;

    @Option(names = {"-s", "--shout"}, description = "Prints the greetings in capitals.")
    private boolean shout;

    @Override
    public Integer call() {
        for (String name : names) {
            System.out.println(greeting(name, shout));
        }
        return 0;
    }

    /** Returns the greeting for one name. */
    static String greeting(String name, boolean shout) {
        String greeting = "Hello, " + name + "!";
        return shout ? greeting.toUpperCase(Locale.ROOT) : greeting;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** Reads the version from the jar manifest, which Maven writes from the POM. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"${commandName} " + (version == null ? "(development build)" : version)};
        }
    }
}
