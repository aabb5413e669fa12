package dev.distribution.format.python;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compares the METADATA of two wheels field by field with Python's own parsers. */
final class MetadataComparison {
    private static final String SCRIPT =
            """
            import email.parser, json, sys, zipfile
            from packaging.requirements import Requirement
            from packaging.version import Version
            def fields(path):
                with zipfile.ZipFile(path) as z:
                    name = next(n for n in z.namelist() if n.endswith('.dist-info/METADATA'))
                    msg = email.parser.BytesParser().parsebytes(z.read(name))
                out = {}
                for key, value in msg.items():
                    if key == 'Requires-Dist':
                        value = str(Requirement(value))
                    if key == 'Version':
                        value = str(Version(value))
                    out.setdefault(key, []).append(value)
                out = {k: sorted(v) for k, v in out.items()}
                out['body'] = [msg.get_payload()]
                return out
            a, b = fields(sys.argv[1]), fields(sys.argv[2])
            ignored = set(sys.argv[3:])
            keys = sorted((set(a) | set(b)) - ignored)
            print(json.dumps({k: [a.get(k), b.get(k)] for k in keys if a.get(k) != b.get(k)}))
            """;

    private MetadataComparison() {}

    /**
     * Returns a JSON object of the fields that differ, {@code {}} when none do. Requirements and
     * versions are compared in their canonical form, repeated fields without regard to order.
     */
    static String differences(Path workDir, Path ourWheel, Path theirWheel, String... ignoredFields) throws Exception {
        Path script = workDir.resolve("compare_metadata.py");
        Files.writeString(script, SCRIPT);
        List<String> command = new ArrayList<>(
                List.of(PythonTools.PYTHON, script.toString(), ourWheel.toString(), theirWheel.toString()));
        command.addAll(List.of(ignoredFields));
        PythonTools.Run run = PythonTools.run(workDir, command.toArray(String[]::new));
        return run.output().strip();
    }
}
