package dev.distribution.target.github;

import dev.distribution.core.PublishException;

/** GitHub rejected an upload with 422 {@code already_exists}: the release already has an asset of that name. */
public class AssetExistsException extends PublishException {
    private static final long serialVersionUID = 1L;

    private final String assetName;

    public AssetExistsException(String assetName) {
        super("The release already has an asset named '" + assetName + "'");
        this.assetName = assetName;
    }

    /** The name sent with the upload. */
    public String assetName() {
        return assetName;
    }
}
