package dev.payback.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * {@code payback --version}: the Implementation-Version that the build writes into the jar's manifest
 * (the project version of the pom), so the version is stated in one place.
 */
final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {text(ManifestVersion.class.getPackage().getImplementationVersion())};
    }

    /** The version line for a manifest's Implementation-Version, which is absent when not run from the jar. */
    static String text(String implementationVersion) {
        return implementationVersion == null || implementationVersion.isBlank()
                ? "payback (development build: not run from the jar, so no version)"
                : "payback " + implementationVersion;
    }
}
