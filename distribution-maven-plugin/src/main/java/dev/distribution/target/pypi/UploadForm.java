package dev.distribution.target.pypi;

import dev.distribution.format.python.DistributionFile;
import dev.distribution.format.python.MetadataFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The form fields of one upload through the PyPI legacy upload API ({@code :action=file_upload}),
 * with the names and in the order twine sends them, so servers that accept twine accept this too.
 * Values come from the core metadata inside the file. Single-valued fields are sent even when
 * empty; repeated fields are left out when they have no value.
 */
public final class UploadForm {
    /** One form field. */
    public record Field(String name, String value) {}

    private UploadForm() {}

    /**
     * Lists the fields that precede the file part.
     *
     * @param file the distribution, with its metadata
     * @param digests the file's digests
     */
    public static List<Field> fields(DistributionFile file, UploadDigests digests) {
        MetadataFields metadata = file.metadata();
        List<Field> fields = new ArrayList<>();
        single(fields, "name", metadata.first("Name"));
        single(fields, "version", metadata.first("Version"));
        single(fields, "filetype", file.type());
        single(fields, "pyversion", file.pythonVersion());
        single(fields, "metadata_version", metadata.first("Metadata-Version"));
        single(fields, "summary", metadata.first("Summary"));
        single(fields, "home_page", metadata.first("Home-page"));
        single(fields, "author", metadata.first("Author"));
        single(fields, "author_email", metadata.first("Author-email"));
        single(fields, "maintainer", metadata.first("Maintainer"));
        single(fields, "maintainer_email", metadata.first("Maintainer-email"));
        single(fields, "license", metadata.first("License"));
        // Newer twine releases send the PEP 639 fields under these names.
        optional(fields, "license_expression", metadata.first("License-Expression"));
        repeated(fields, "license_file", metadata.all("License-File"));
        single(fields, "description", metadata.description());
        single(fields, "keywords", metadata.first("Keywords"));
        repeated(fields, "platform", metadata.all("Platform"));
        repeated(fields, "classifiers", metadata.all("Classifier"));
        single(fields, "download_url", metadata.first("Download-URL"));
        repeated(fields, "supported_platform", metadata.all("Supported-Platform"));
        single(fields, "comment", null);
        single(fields, "sha256_digest", digests.sha256());
        repeated(fields, "project_urls", metadata.all("Project-URL"));
        repeated(fields, "provides_dist", metadata.all("Provides-Dist"));
        repeated(fields, "obsoletes_dist", metadata.all("Obsoletes-Dist"));
        repeated(fields, "requires_dist", metadata.all("Requires-Dist"));
        repeated(fields, "requires_external", metadata.all("Requires-External"));
        single(fields, "requires_python", metadata.first("Requires-Python"));
        repeated(fields, "provides_extras", metadata.all("Provides-Extra"));
        single(fields, "description_content_type", metadata.first("Description-Content-Type"));
        single(fields, "md5_digest", digests.md5());
        single(fields, "blake2_256_digest", digests.blake2b256());
        single(fields, ":action", "file_upload");
        single(fields, "protocol_version", "1");
        return fields;
    }

    private static void single(List<Field> fields, String name, String value) {
        fields.add(new Field(name, value == null ? "" : value));
    }

    private static void optional(List<Field> fields, String name, String value) {
        if (value != null) {
            fields.add(new Field(name, value));
        }
    }

    private static void repeated(List<Field> fields, String name, List<String> values) {
        values.forEach(value -> fields.add(new Field(name, value)));
    }
}
