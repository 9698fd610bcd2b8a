package org.myotrack.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Refuses a JSON body that names a field twice. Which of two values a clinical record should keep is not for the
 * registry to guess, and a repeated field of a record type (a constructor parameter) would otherwise fail inside
 * Jackson as a definition error, answered 500. Refuses a decimal where a whole number belongs, too: Jackson would
 * otherwise cut 12.5 to 12 for an MMT-8 or CDASI total, where the CSV import and the pages refuse it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
