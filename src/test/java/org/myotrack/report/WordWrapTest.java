package org.myotrack.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WordWrapTest {

    private static final float SIZE = 9f;

    private static PDDocument document;
    private static PDFont font;

    @BeforeAll
    static void loadFont() throws IOException {
        document = new PDDocument();
        try (InputStream in = WordWrapTest.class.getResourceAsStream(ReportLayout.FONT_RESOURCE)) {
            font = PDType0Font.load(document, in);
        }
    }

    @AfterAll
    static void closeDocument() throws IOException {
        document.close();
    }

    @Test
    void shouldKeepTextThatFitsOnOneLine() {
        assertThat(WordWrap.lines("PREDNISONE 60 MG DAILY", font, SIZE, 200)).containsExactly("PREDNISONE 60 MG DAILY");
    }

    @Test
    void shouldBreakBetweenWordsSoEveryLineFitsTheWidth() {
        String text = "No improvement meeting the IMACS definition after six months of glucocorticoid and one "
                + "conventional immunosuppressant at adequate doses.";
        float width = 120;

        List<String> lines = WordWrap.lines(text, font, SIZE, width);

        assertThat(lines).hasSizeGreaterThan(2)
                .allSatisfy(line -> assertThat(WordWrap.width(line, font, SIZE)).isLessThanOrEqualTo(width))
                .noneMatch(line -> line.startsWith(" ") || line.endsWith(" "));
        assertThat(String.join(" ", lines)).isEqualTo(text);
    }

    @Test
    void shouldPutEachWordOnItsOwnLineWhenTwoDoNotFit() {
        float width = WordWrap.width("METHOTREXATE", font, SIZE) + 1;

        assertThat(WordWrap.lines("METHOTREXATE AZATHIOPRINE", font, SIZE, width))
                .containsExactly("METHOTREXATE", "AZATHIOPRINE");
    }

    @Test
    void shouldCutAWordWiderThanTheLineBetweenCharacters() {
        String word = "HYDROXYCHLOROQUINE-METHYLPREDNISOLONE";
        float width = 40;

        List<String> lines = WordWrap.lines(word, font, SIZE, width);

        assertThat(lines).hasSizeGreaterThan(2)
                .allSatisfy(line -> assertThat(WordWrap.width(line, font, SIZE)).isLessThanOrEqualTo(width));
        assertThat(String.join("", lines)).isEqualTo(word);
    }

    @Test
    void shouldAdvanceOneCharacterPerLineWhenNotEvenOneFits() {
        assertThat(WordWrap.lines("CK×", font, SIZE, 1)).containsExactly("C", "K", "×");
    }

    @Test
    void shouldStartANewLineAtEachLineBreak() {
        assertThat(WordWrap.lines("first line\nsecond line\r\n\nfourth", font, SIZE, 400))
                .containsExactly("first line", "second line", "", "fourth");
    }

    @Test
    void shouldMeasureWithTheFontSoWiderGlyphsWrapSooner() {
        float width = WordWrap.width("iiii iiii", font, SIZE) + 1;

        assertThat(WordWrap.lines("iiii iiii", font, SIZE, width)).hasSize(1);
        assertThat(WordWrap.lines("WWWW WWWW", font, SIZE, width)).hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void shouldReturnOneEmptyLineForBlankText(String text) {
        assertThat(WordWrap.lines(text, font, SIZE, 100)).containsExactly("");
    }
}
