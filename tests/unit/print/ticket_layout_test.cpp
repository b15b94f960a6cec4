#include "print/ticket_layout.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "escpos_reader.hpp"
#include "print/escpos_text.hpp"
#include "print/print_mode.hpp"
#include "print_test_support.hpp"

namespace kiosk::print {
namespace {

using testing::ElementsAre;
using testing::IsEmpty;
using testing_support::contains_line;

QueueTicketText russian_ticket() {
  return QueueTicketText{"Отделение на Невском",
                         "Б-017",
                         "Кредиты",
                         "23.11.2026 12:04",
                         "Перед вами: 3 человека",
                         "Ожидание: около 12 минут",
                         "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                         "Сохраните талон"};
}

TEST(TicketLayout, QueueTicketCarriesEveryFieldAndTheIdInTheQr) {
  const Document ticket = make_queue_ticket(russian_ticket());
  const TextEncodeResult encoded = encode_text_mode(ticket, CodePage::cp866, PaperWidth::mm80);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  const test::DecodedPrint print = test::decode_escpos(encoded.bytes);
  EXPECT_THAT(print.errors, IsEmpty());
  for (const char* line : {"Отделение на Невском", "Б-017", "Кредиты", "23.11.2026 12:04",
                           "Перед вами: 3 человека", "Ожидание: около 12 минут", "Сохраните талон"}) {
    EXPECT_TRUE(contains_line(print, line)) << line;
  }
  EXPECT_THAT(print.qr_payloads, ElementsAre("0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b"));
  EXPECT_TRUE(print.cut);
  // The number is the biggest thing on the ticket.
  const auto number = std::find(print.lines.begin(), print.lines.end(), "Б-017") - print.lines.begin();
  EXPECT_EQ(print.line_styles[static_cast<std::size_t>(number)].height, 3);
}

TEST(TicketLayout, EmptyFieldsAreLeftOut) {
  QueueTicketText text;
  text.number = "A001";
  const test::DecodedPrint print =
      test::decode_escpos(encode_text_mode(make_queue_ticket(text), CodePage::cp858, PaperWidth::mm58).bytes);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_THAT(print.lines, ElementsAre(std::string(32, '-'), "A001", std::string(32, '-')));
  EXPECT_THAT(print.qr_payloads, IsEmpty());
}

TEST(TicketLayout, AcknowledgementPrintsReferenceAndParagraphs) {
  AcknowledgementText text;
  text.title = "Klage mottatt";
  text.reference = "K-2026-000123";
  text.paragraphs = {"Vi svarer innen 5 virkedager.",
                     "Er du ikke fornøyd, kan du klage til Finansklagenemnda."};
  text.qr_payload = "K-2026-000123";
  const TextEncodeResult encoded =
      encode_text_mode(make_acknowledgement(text), CodePage::cp865, PaperWidth::mm80);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  const test::DecodedPrint print = test::decode_escpos(encoded.bytes);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_TRUE(contains_line(print, "K-2026-000123"));
  EXPECT_TRUE(contains_line(print, "Vi svarer innen 5 virkedager."));
  EXPECT_THAT(print.qr_payloads, ElementsAre("K-2026-000123"));
}

TEST(TicketLayout, ChineseTicketPrintsInAutoMode) {
  KIOSK_REQUIRE_FONTS();
  QueueTicketText text{"南京路支行",
                       "A042",
                       "现金业务",
                       "2026-11-23 12:04",
                       "您前面还有 3 人",
                       "预计等候约 10 分钟",
                       "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",
                       "请保留此票"};
  const EncodedDocument encoded =
      encode_document(make_queue_ticket(text), "zh-Hans", PrintMode::auto_select,
                      testing_support::shared_fonts().fonts.get(), PaperWidth::mm80);
  ASSERT_TRUE(encoded.ok()) << encoded.error;
  EXPECT_EQ(encoded.used, PrintMode::text);  // GB18030 covers everything
  const test::DecodedPrint print = test::decode_escpos(encoded.bytes);
  EXPECT_THAT(print.errors, IsEmpty());
  EXPECT_TRUE(contains_line(print, "您前面还有 3 人"));
}

}  // namespace
}  // namespace kiosk::print
