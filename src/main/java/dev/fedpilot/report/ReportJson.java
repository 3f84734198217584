package dev.fedpilot.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.util.Locale;

/**
 * The one mapping between {@link SetupReport} and its JSON form, used to write reports and to read saved ones
 * back: enum values are lowercase ids with dashes ({@code not-configured}), times ISO-8601 instants.
 */
final class ReportJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(enumsAsIds())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a report saved by a newer FedPilot may carry fields this one does not know
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    private static SimpleModule enumsAsIds() {
        SimpleModule module = new SimpleModule().addSerializer(Enum.class, new EnumAsId());
        module.setDeserializers(new EnumsFromIds());
        return module;
    }

    static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @SuppressWarnings("rawtypes")
    private static final class EnumAsId extends StdSerializer<Enum> {
        EnumAsId() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(id(value));
        }
    }

    /** Reads every enum from the id {@link EnumAsId} writes. */
    private static final class EnumsFromIds extends SimpleDeserializers {
        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                                                        BeanDescription beanDesc) {
            return new EnumFromId(type);
        }
    }

    private static final class EnumFromId extends StdDeserializer<Enum<?>> {
        private final Class<?> type;

        EnumFromId(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        public Enum<?> deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = p.getValueAsString();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                if (id(value).equals(text)) {
                    return value;
                }
            }
            return (Enum<?>) context.handleWeirdStringValue(type, text, "not one of the values the schema allows");
        }
    }
}
