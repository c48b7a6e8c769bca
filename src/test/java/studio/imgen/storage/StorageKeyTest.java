package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageKeyTest {

    private static final UUID WS = UUID.fromString("0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11");
    private static final UUID IMG = UUID.fromString("7d3c2b1a-0f9e-4d8c-b7a6-958473625140");

    @Test
    void originalsAndThumbnailsHaveFixedShapes() {
        assertThat(StorageKey.original(WS, IMG, ImageFormat.PNG).value()).isEqualTo(WS + "/" + IMG + ".png");
        assertThat(StorageKey.original(WS, IMG, ImageFormat.JPEG).value()).isEqualTo(WS + "/" + IMG + ".jpg");
        assertThat(StorageKey.original(WS, IMG, ImageFormat.WEBP).value()).isEqualTo(WS + "/" + IMG + ".webp");
        StorageKey thumbnail = StorageKey.thumbnail(WS, IMG);
        assertThat(thumbnail.value()).isEqualTo(WS + "/" + IMG + ".thumb.jpg");
        assertThat(thumbnail.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(thumbnail.isThumbnail()).isTrue();
    }

    @Test
    void parseRoundTripsEveryShape() {
        for (StorageKey key : new StorageKey[] {
            StorageKey.original(WS, IMG, ImageFormat.PNG),
            StorageKey.original(WS, IMG, ImageFormat.JPEG),
            StorageKey.original(WS, IMG, ImageFormat.WEBP),
            StorageKey.thumbnail(WS, IMG)
        }) {
            assertThat(StorageKey.parse(key.value())).contains(key);
        }
        assertThat(StorageKey.original(WS, IMG, ImageFormat.PNG)).isNotEqualTo(StorageKey.thumbnail(WS, IMG));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.gif",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.jpeg",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.png.html",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.thumb.png",
        "0B6F1C3E-54A1-4C39-9D51-2F5D8A7E0C11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.png",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/.tmp-123.part",
        "../0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.png",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/../7d3c2b1a-0f9e-4d8c-b7a6-958473625140.png",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11\\7d3c2b1a-0f9e-4d8c-b7a6-958473625140.png",
        "/etc/passwd",
        "../../etc/passwd.png",
        "0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/0b6f1c3e-54a1-4c39-9d51-2f5d8a7e0c11/7d3c2b1a.png",
        "1-1-1-1-1/7d3c2b1a-0f9e-4d8c-b7a6-958473625140.png"
    })
    void parseRefusesEverythingElse(String value) {
        assertThat(StorageKey.parse(value)).isEmpty();
    }

    @Test
    void parseRefusesNull() {
        assertThat(StorageKey.parse(null)).isEmpty();
    }
}
