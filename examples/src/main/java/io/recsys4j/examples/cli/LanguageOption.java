package io.recsys4j.examples.cli;

import io.recsys4j.core.synthetic.SyntheticWorld;
import picocli.CommandLine.Option;

/** {@code --language}: the language of the synthetic world's texts. */
final class LanguageOption {
    @Option(names = "--language", defaultValue = "en",
            description = "Synthetic world: en (English texts) or zh (Chinese titles, descriptions and profiles; the "
                + "same interactions and friendships) (default ${DEFAULT-VALUE}).")
    String language;

    SyntheticWorld.Language value() {
        return switch (language) {
            case "en" -> SyntheticWorld.Language.ENGLISH;
            case "zh" -> SyntheticWorld.Language.CHINESE;
            default -> throw new IllegalArgumentException("--language must be en or zh, found '" + language + "'");
        };
    }

    /** True when {@code --language} was left at its default, as it must be for data read from files. */
    boolean isDefault() {
        return language.equals("en");
    }
}
