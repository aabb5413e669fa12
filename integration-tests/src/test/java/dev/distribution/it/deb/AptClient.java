package dev.distribution.it.deb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real apt-get and apt-cache with every folder they read or write moved under one test folder:
 * sources, keys, lists, cache and the dpkg database; packages install into {@link #root()}.
 */
final class AptClient {
    private final Path home;

    AptClient(Path home, Path repository, Path key) throws Exception {
        this.home = home;
        for (String folder : List.of(
                "etc/apt/sources.list.d",
                "etc/apt/preferences.d",
                "etc/apt/trusted.gpg.d",
                "var/lib/apt/lists/partial",
                "var/cache/apt/archives/partial",
                "var/lib/dpkg/info",
                "var/lib/dpkg/updates",
                "var/lib/dpkg/triggers",
                "root")) {
            Files.createDirectories(home.resolve(folder));
        }
        if (!Files.exists(home.resolve("var/lib/dpkg/status"))) {
            Files.createFile(home.resolve("var/lib/dpkg/status"));
        }
        Files.writeString(
                home.resolve("etc/apt/sources.list"),
                "deb [signed-by=" + key + "] file:" + repository + " stable main\n");
    }

    Path root() {
        return home.resolve("root");
    }

    DebDeployIT.Result run(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                tool,
                "-o",
                "Dir::Etc::SourceList=" + home.resolve("etc/apt/sources.list"),
                "-o",
                "Dir::Etc::SourceParts=" + home.resolve("etc/apt/sources.list.d"),
                "-o",
                "Dir::Etc::Preferences=" + home.resolve("etc/apt/preferences"),
                "-o",
                "Dir::Etc::PreferencesParts=" + home.resolve("etc/apt/preferences.d"),
                "-o",
                "Dir::Etc::TrustedParts=" + home.resolve("etc/apt/trusted.gpg.d"),
                "-o",
                "Dir::Etc::Trusted=" + home.resolve("etc/apt/trusted.gpg"),
                "-o",
                "Dir::State=" + home.resolve("var/lib/apt"),
                "-o",
                "Dir::State::status=" + home.resolve("var/lib/dpkg/status"),
                "-o",
                "Dir::Cache=" + home.resolve("var/cache/apt"),
                "-o",
                "APT::Architecture=amd64",
                "-o",
                "Debug::NoLocking=1",
                "-o",
                "APT::Sandbox::User=root"));
        command.addAll(List.of(args));
        return DebDeployIT.run(null, Map.of(), command.toArray(String[]::new));
    }

    DebDeployIT.Result install(String packageName) throws Exception {
        return run(
                "apt-get",
                "-o",
                "DPkg::Options::=--instdir=" + root(),
                "-o",
                "DPkg::Options::=--admindir=" + home.resolve("var/lib/dpkg"),
                "-o",
                "DPkg::Options::=--force-script-chrootless",
                "-o",
                "DPkg::Options::=--force-not-root",
                "install",
                "-y",
                "--no-install-recommends",
                packageName);
    }
}
