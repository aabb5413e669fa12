package dev.distribution.format.brew;

import dev.distribution.core.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link Formula} as the Ruby source of {@code Formula/<name>.rb}, with the stanzas in
 * the order Homebrew's style check expects. Every user value is written as an escaped Ruby string,
 * so no value can end a string early or run code through {@code #{...}} interpolation. The output
 * depends only on the formula, so an unchanged formula renders to the same bytes.
 */
public final class FormulaWriter {
    private static final Pattern MAN_PAGE = Pattern.compile(".*\\.([1-8])");

    private FormulaWriter() {}

    /**
     * Renders the formula.
     *
     * @param formula the formula; not null
     * @return the Ruby source, ending with a newline
     * @throws IllegalArgumentException when a man page has no section extension such as {@code .1}
     */
    public static String render(Formula formula) {
        StringBuilder ruby = new StringBuilder();
        ruby.append("class ").append(formula.name().className()).append(" < Formula\n");
        if (formula.desc() != null) {
            ruby.append("  desc ").append(quote(formula.desc())).append('\n');
        }
        if (formula.homepage() != null) {
            ruby.append("  homepage ").append(quote(formula.homepage())).append('\n');
        }
        List<Formula.Download> shared = formula.downloads().stream()
                .filter(download -> download.platform() == null)
                .toList();
        if (!shared.isEmpty()) {
            appendDownload(ruby, "  ", shared.get(0), formula.privateDownload());
        }
        ruby.append("  version ").append(quote(formula.version())).append('\n');
        if (formula.license() != null) {
            ruby.append("  license ").append(quote(formula.license())).append('\n');
        }
        appendBottles(ruby, formula);
        appendDependencies(ruby, formula.dependencies());
        appendPlatformDownloads(ruby, formula);
        appendInstall(ruby, formula.install());
        appendCaveats(ruby, formula.caveats());
        appendService(ruby, formula);
        appendTest(ruby, formula);
        ruby.append("end\n");
        return ruby.toString();
    }

    private static void appendDownload(
            StringBuilder ruby, String indent, Formula.Download download, Formula.PrivateDownload privateDownload) {
        ruby.append(indent).append("url ").append(quote(download.url()));
        appendCurlOptions(ruby, privateDownload);
        ruby.append('\n');
        ruby.append(indent).append("sha256 ").append(quote(download.sha256())).append('\n');
    }

    /** Appends the CurlDownloadStrategy options that send the secret of an environment variable. */
    private static void appendCurlOptions(StringBuilder ruby, Formula.PrivateDownload privateDownload) {
        if (privateDownload == null) {
            return;
        }
        // The secret is interpolated when brew evaluates the formula, so it never lands in the tap.
        String secret = "#{ENV.fetch(\"" + privateDownload.variable() + "\", \"\")}";
        if (privateDownload.header() == null) {
            ruby.append(",\n      user: \"").append(secret).append('"');
            return;
        }
        String scheme =
                privateDownload.scheme() == null || privateDownload.scheme().isEmpty()
                        ? ""
                        : escape(privateDownload.scheme()) + " ";
        ruby.append(",\n      headers: [\"")
                .append(escape(privateDownload.header()))
                .append(": ")
                .append(scheme)
                .append(secret)
                .append("\"]");
    }

    private static void appendBottles(StringBuilder ruby, Formula formula) {
        Formula.Bottles bottles = formula.bottles();
        if (bottles == null || bottles.bottles().isEmpty()) {
            return;
        }
        ruby.append('\n');
        ruby.append("  bottle do\n");
        ruby.append("    root_url ").append(quote(bottles.rootUrl()));
        appendCurlOptions(ruby, formula.privateDownload());
        ruby.append('\n');
        int width = bottles.bottles().stream()
                .mapToInt(bottle -> bottle.cellar().length() + bottle.tag().length())
                .max()
                .orElse(0);
        for (Formula.Bottle bottle : bottles.bottles()) {
            String padding =
                    " ".repeat(width - bottle.cellar().length() - bottle.tag().length());
            ruby.append("    sha256 cellar: :")
                    .append(bottle.cellar())
                    .append(", ")
                    .append(padding)
                    .append(bottle.tag())
                    .append(": ")
                    .append(quote(bottle.sha256()))
                    .append('\n');
        }
        ruby.append("  end\n");
    }

    private static void appendDependencies(StringBuilder ruby, List<Formula.Dependency> dependencies) {
        if (dependencies.isEmpty()) {
            return;
        }
        ruby.append('\n');
        for (Formula.Dependency dependency : dependencies) {
            ruby.append("  depends_on ").append(quote(dependency.formula()));
            if (dependency.kind() != null) {
                ruby.append(" => :").append(dependency.kind());
            }
            ruby.append('\n');
        }
    }

    private static void appendPlatformDownloads(StringBuilder ruby, Formula formula) {
        Map<String, Map<String, Formula.Download>> byOs = new LinkedHashMap<>();
        byOs.put("macos", new LinkedHashMap<>());
        byOs.put("linux", new LinkedHashMap<>());
        for (Formula.Download download : formula.downloads()) {
            Platform platform = download.platform();
            if (platform == null) {
                continue;
            }
            String os = platform.os().equals("darwin") ? "macos" : "linux";
            String cpu = platform.arch().equals("arm64") ? "arm" : "intel";
            byOs.get(os).put(cpu, download);
        }
        for (Map.Entry<String, Map<String, Formula.Download>> os : byOs.entrySet()) {
            if (os.getValue().isEmpty()) {
                continue;
            }
            ruby.append('\n');
            ruby.append("  on_").append(os.getKey()).append(" do\n");
            boolean first = true;
            for (String cpu : List.of("arm", "intel")) {
                Formula.Download download = os.getValue().get(cpu);
                if (download == null) {
                    continue;
                }
                if (!first) {
                    ruby.append('\n');
                }
                first = false;
                ruby.append("    on_").append(cpu).append(" do\n");
                appendDownload(ruby, "      ", download, formula.privateDownload());
                ruby.append("    end\n");
            }
            ruby.append("  end\n");
        }
    }

    private static void appendInstall(StringBuilder ruby, Formula.Install install) {
        ruby.append('\n');
        ruby.append("  def install\n");
        for (Formula.Binary binary : install.binaries()) {
            ruby.append("    bin.install ").append(quote(binary.source()));
            if (!fileName(binary.source()).equals(binary.name())) {
                ruby.append(" => ").append(quote(binary.name()));
            }
            ruby.append('\n');
        }
        for (String page : install.manPages()) {
            ruby.append("    man")
                    .append(manSection(page))
                    .append(".install ")
                    .append(quote(page))
                    .append('\n');
        }
        String command = install.command();
        appendCompletion(ruby, "bash_completion", install.bashCompletion(), command);
        appendCompletion(ruby, "zsh_completion", install.zshCompletion(), "_" + command);
        appendCompletion(ruby, "fish_completion", install.fishCompletion(), command + ".fish");
        Formula.Launcher launcher = install.launcher();
        if (launcher != null) {
            ruby.append("    libexec.install Dir[\"*\"]\n");
            String javaVersion =
                    launcher.javaVersion() == null ? "" : ", java_version: " + quote(launcher.javaVersion());
            if (launcher.kind() == Formula.Launcher.Kind.JAR) {
                ruby.append("    bin.write_jar_script libexec/")
                        .append(quote(launcher.path()))
                        .append(", ")
                        .append(quote(launcher.command()))
                        .append(javaVersion)
                        .append('\n');
            } else {
                String environment = launcher.javaVersion() == null
                        ? "Language::Java.overridable_java_home_env"
                        : "Language::Java.overridable_java_home_env(" + quote(launcher.javaVersion()) + ")";
                ruby.append("    (bin/")
                        .append(quote(launcher.command()))
                        .append(").write_env_script libexec/")
                        .append(quote(launcher.path()))
                        .append(", ")
                        .append(environment)
                        .append('\n');
            }
        }
        ruby.append("  end\n");
    }

    private static void appendCompletion(StringBuilder ruby, String method, String source, String name) {
        if (source == null) {
            return;
        }
        ruby.append("    ").append(method).append(".install ").append(quote(source));
        if (!fileName(source).equals(name)) {
            ruby.append(" => ").append(quote(name));
        }
        ruby.append('\n');
    }

    private static void appendCaveats(StringBuilder ruby, String caveats) {
        if (caveats == null || caveats.isBlank()) {
            return;
        }
        String delimiter = "EOS";
        List<String> lines = caveats.strip().lines().map(String::stripTrailing).toList();
        // A line equal to the delimiter would end the heredoc early.
        while (containsLine(lines, delimiter)) {
            delimiter = delimiter + "X";
        }
        ruby.append('\n');
        ruby.append("  def caveats\n");
        ruby.append("    <<~").append(delimiter).append('\n');
        for (String line : lines) {
            ruby.append(line.isEmpty() ? "" : "      " + escape(line)).append('\n');
        }
        ruby.append("    ").append(delimiter).append('\n');
        ruby.append("  end\n");
    }

    private static boolean containsLine(List<String> lines, String text) {
        return lines.stream().anyMatch(line -> line.strip().equals(text));
    }

    private static void appendService(StringBuilder ruby, Formula formula) {
        Formula.Service service = formula.service();
        if (service == null) {
            return;
        }
        List<String> run = new ArrayList<>();
        run.add("opt_bin/" + quote(formula.install().command()));
        for (String argument : service.arguments()) {
            run.add(quote(argument));
        }
        ruby.append('\n');
        ruby.append("  service do\n");
        ruby.append("    run [").append(String.join(", ", run)).append("]\n");
        ruby.append("    keep_alive ").append(service.keepAlive()).append('\n');
        ruby.append("  end\n");
    }

    private static void appendTest(StringBuilder ruby, Formula formula) {
        if (formula.testArguments() == null) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add("bin/" + quote(formula.install().command()));
        for (String argument : formula.testArguments().trim().split("\\s+")) {
            if (!argument.isEmpty()) {
                command.add(quote(argument));
            }
        }
        ruby.append('\n');
        ruby.append("  test do\n");
        ruby.append("    system ").append(String.join(", ", command)).append('\n');
        ruby.append("  end\n");
    }

    /**
     * Returns the man page section of a file name such as {@code hello.1}.
     *
     * @throws IllegalArgumentException when the name does not end with a section number 1 to 8
     */
    public static int manSection(String page) {
        Matcher matcher = MAN_PAGE.matcher(page);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Man page " + page + " does not end with a section such as .1");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Returns a Ruby double-quoted string literal with the value's text and no interpolation. */
    static String quote(String value) {
        return '"' + escape(value) + '"';
    }

    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '"' -> escaped.append("\\\"");
                case '#' -> escaped.append("\\#");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
