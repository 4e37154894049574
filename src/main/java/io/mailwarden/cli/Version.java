package io.mailwarden.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/** The version from the build. */
public class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class).orElse("dev");
        return new String[] {"mailwarden " + v};
    }
}
