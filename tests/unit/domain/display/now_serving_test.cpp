// The now-serving document parser (hostile input included) and the board that folds calls into the
// short list the hall screen shows.
#include "domain/display/now_serving.hpp"

#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

namespace kiosk::domain::display {
namespace {

std::string call_json(std::int64_t seq, std::string_view number, int counter, bool recall = false) {
  return fmt::format(R"({{"seq":{},"number":"{}","counter":{},"service_id":"cash",)"
                     R"("at":"2026-12-07T10:00:00Z","recall":{}}})",
                     seq, number, counter, recall ? "true" : "false");
}

std::string document(std::initializer_list<std::string> calls, std::int64_t latest) {
  std::string list;
  for (const auto& call : calls) {
    list += (list.empty() ? "" : ",") + call;
  }
  return fmt::format(R"({{"calls":[{}],"latest_seq":{}}})", list, latest);
}

NowServingDocument parsed(const std::string& text) {
  auto result = parse_now_serving(text);
  EXPECT_TRUE(result.ok()) << (result.issues.empty() ? "" : describe(result.issues.front()));
  return result.value.value_or(NowServingDocument{});
}

std::string first_issue(const std::string& text) {
  const auto result = parse_now_serving(text);
  EXPECT_FALSE(result.ok());
  return result.issues.empty() ? "" : describe(result.issues.front());
}

TEST(NowServingParse, ReadsTheDocumentOfTheCounterLink) {
  const auto doc = parsed(
      R"({"calls":[{"seq":1,"number":"A007","counter":3,"service_id":"cash","at":"2026-12-07T10:00:00Z",)"
      R"("recall":false}],"latest_seq":1})");
  ASSERT_EQ(doc.calls.size(), 1U);
  EXPECT_EQ(doc.latest_seq, 1);
  EXPECT_EQ(doc.calls[0].seq, 1);
  EXPECT_EQ(doc.calls[0].number, "A007");
  EXPECT_EQ(doc.calls[0].counter, 3);
  EXPECT_EQ(doc.calls[0].service_id, "cash");
  EXPECT_EQ(format_rfc3339_utc(doc.calls[0].at), "2026-12-07T10:00:00.000Z");
  EXPECT_FALSE(doc.calls[0].recall);
}

TEST(NowServingParse, IgnoresUnknownKeysAndTakesOptionalOnesAsAbsent) {
  const auto doc = parsed(
      R"({"v":2,"calls":[{"seq":4,"number":"B1","counter":12,"at":"2026-12-07T10:00:00Z","extra":[1]}],)"
      R"("latest_seq":9,"day":"2026-12-07"})");
  ASSERT_EQ(doc.calls.size(), 1U);
  EXPECT_EQ(doc.calls[0].service_id, "");
  EXPECT_FALSE(doc.calls[0].recall);
  EXPECT_EQ(doc.latest_seq, 9);
}

TEST(NowServingParse, AnEmptyDayIsValid) {
  const auto doc = parsed(R"({"calls":[],"latest_seq":0})");
  EXPECT_TRUE(doc.calls.empty());
  EXPECT_EQ(doc.latest_seq, 0);
}

TEST(NowServingParse, WrongTypesAreClearErrorsWithTheirPath) {
  EXPECT_EQ(
      first_issue(document({R"({"seq":"1","number":"A1","counter":1,"at":"2026-12-07T10:00:00Z"})"}, 1)),
      "calls[0].seq: expected a whole number, found string");
  EXPECT_NE(first_issue(document({R"({"seq":1,"number":7,"counter":1,"at":"2026-12-07T10:00:00Z"})"}, 1))
                .find("calls[0].number"),
            std::string::npos);
  EXPECT_NE(first_issue(document({R"({"seq":1,"number":"A1","counter":1.5,"at":"2026-12-07T10:00:00Z"})"}, 1))
                .find("calls[0].counter"),
            std::string::npos);
  EXPECT_NE(first_issue(document({R"({"seq":1,"number":"A1","counter":1,"at":"yesterday"})"}, 1))
                .find("calls[0].at"),
            std::string::npos);
  EXPECT_NE(first_issue(document({R"({"seq":1,"number":"A1","counter":1,"at":"2026-12-07T10:00:00Z",)"
                                  R"("recall":"yes"})"},
                                 1))
                .find("calls[0].recall"),
            std::string::npos);
  EXPECT_NE(first_issue(R"({"calls":{},"latest_seq":0})").find("calls"), std::string::npos);
  EXPECT_NE(first_issue(R"([1,2,3])").find("expected an object"), std::string::npos);
  EXPECT_NE(first_issue(R"({"calls":[]})").find("latest_seq"), std::string::npos);
}

TEST(NowServingParse, RejectsValuesOutsideTheirBounds) {
  EXPECT_NE(first_issue(document({call_json(0, "A1", 1)}, 1)).find("calls[0].seq"), std::string::npos);
  EXPECT_NE(first_issue(document({call_json(1, "A1", 0)}, 1)).find("calls[0].counter"), std::string::npos);
  EXPECT_NE(first_issue(document({call_json(1, "A1", 1000)}, 1)).find("calls[0].counter"), std::string::npos);
  EXPECT_NE(first_issue(document({call_json(1, "A1<script>", 1)}, 1)).find("calls[0].number"),
            std::string::npos);
  EXPECT_NE(first_issue(document({call_json(1, "", 1)}, 1)).find("calls[0].number"), std::string::npos);
  EXPECT_NE(first_issue(document({call_json(1, "a007", 1)}, 1)).find("calls[0].number"), std::string::npos);
  EXPECT_NE(first_issue(document({call_json(1, std::string(13, 'A'), 1)}, 1)).find("calls[0].number"),
            std::string::npos);
  EXPECT_NE(first_issue(document({call_json(5, "A1", 1)}, 4)).find("beyond latest_seq"), std::string::npos);
  EXPECT_NE(first_issue(R"({"calls":[],"latest_seq":-1})").find("latest_seq"), std::string::npos);
  EXPECT_NE(first_issue(R"({"calls":[],"latest_seq":18446744073709551615})").find("too large"),
            std::string::npos);
}

TEST(NowServingParse, RefusesOversizeDocumentsAndLists) {
  std::string many;
  for (int i = 1; i <= static_cast<int>(k_max_calls_per_document) + 1; ++i) {
    many += (many.empty() ? "" : ",") + call_json(i, "A1", 1);
  }
  EXPECT_NE(first_issue(fmt::format(R"({{"calls":[{}],"latest_seq":200}})", many)).find("at most"),
            std::string::npos);
  const std::string huge =
      R"({"calls":[],"latest_seq":0,"pad":")" + std::string(k_max_document_bytes, 'x') + "\"}";
  EXPECT_NE(first_issue(huge).find("at most"), std::string::npos);
}

TEST(NowServingParse, HostileTextNeverThrows) {
  const std::string samples[] = {
      "",
      "{",
      "null",
      std::string(5000, '['),
      R"({"calls":[null],"latest_seq":1})",
      R"({"calls":[{"seq":1,"seq":2}],"latest_seq":1})",
      "{\"calls\":[],\"latest_seq\":0}\xff",
      R"({"calls":[{"seq":1e400,"number":"A","counter":1,"at":"2026-12-07T10:00:00Z"}],"latest_seq":1})",
  };
  for (const auto& sample : samples) {
    EXPECT_NO_THROW({
      const auto result = parse_now_serving(sample);
      EXPECT_FALSE(result.ok()) << sample.substr(0, 60);
      EXPECT_FALSE(result.issues.empty());
    });
  }
}

TEST(NowServingBoard, FirstFoldIsAdoptedSilentlyThenEachNewCallChimes) {
  NowServingBoard board(3);
  auto outcome = board.fold(parsed(document({call_json(1, "A001", 1), call_json(2, "A002", 2)}, 2)));
  EXPECT_TRUE(outcome.changed);
  EXPECT_EQ(outcome.new_calls, 0);
  EXPECT_TRUE(board.caught_up());
  ASSERT_EQ(board.calls().size(), 2U);
  EXPECT_EQ(board.calls().front().number, "A002");
  EXPECT_EQ(board.after_seq(), 2);

  outcome = board.fold(parsed(document({call_json(3, "B001", 4)}, 3)));
  EXPECT_EQ(outcome.new_calls, 1);
  EXPECT_EQ(board.calls().front().number, "B001");
  EXPECT_EQ(board.calls().front().counter, 4);
}

TEST(NowServingBoard, CatchingUpOverSeveralFetchesStaysSilent) {
  NowServingBoard board(3);
  auto outcome = board.fold(parsed(document({call_json(1, "A001", 1), call_json(2, "A002", 1)}, 5)));
  EXPECT_TRUE(outcome.more_waiting);
  EXPECT_EQ(outcome.new_calls, 0);
  EXPECT_FALSE(board.caught_up());
  outcome = board.fold(
      parsed(document({call_json(3, "A003", 1), call_json(4, "A004", 1), call_json(5, "A005", 1)}, 5)));
  EXPECT_FALSE(outcome.more_waiting);
  EXPECT_EQ(outcome.new_calls, 0);
  EXPECT_TRUE(board.caught_up());
  ASSERT_EQ(board.calls().size(), 3U);  // capacity
  EXPECT_EQ(board.calls()[0].number, "A005");
  EXPECT_EQ(board.calls()[2].number, "A003");
}

TEST(NowServingBoard, DuplicatesBySeqAreIgnored) {
  NowServingBoard board;
  board.fold(parsed(document({call_json(1, "A001", 1)}, 1)));
  auto outcome = board.fold(parsed(document({call_json(1, "A001", 1)}, 1)));
  EXPECT_FALSE(outcome.changed);
  EXPECT_EQ(outcome.new_calls, 0);
  outcome = board.fold(parsed(document({call_json(2, "A002", 1), call_json(2, "A002", 1)}, 2)));
  EXPECT_EQ(outcome.new_calls, 1);
  EXPECT_EQ(board.calls().size(), 2U);
}

TEST(NowServingBoard, CallsAreFoldedInSeqOrderWhateverTheDocumentOrder) {
  NowServingBoard board;
  board.fold(parsed(document({}, 0)));
  const auto outcome =
      board.fold(parsed(document({call_json(3, "C", 3), call_json(1, "A", 1), call_json(2, "B", 2)}, 3)));
  EXPECT_EQ(outcome.new_calls, 3);
  EXPECT_EQ(board.calls()[0].number, "C");
  EXPECT_EQ(board.calls()[2].number, "A");
  EXPECT_EQ(board.after_seq(), 3);
}

TEST(NowServingBoard, ARecallMovesTheNumberToTheTopAndChimesAgain) {
  NowServingBoard board;
  board.fold(parsed(document({call_json(1, "A001", 1), call_json(2, "A002", 2)}, 2)));
  const auto outcome = board.fold(parsed(document({call_json(3, "A001", 1, true)}, 3)));
  EXPECT_EQ(outcome.new_calls, 1);
  ASSERT_EQ(board.calls().size(), 2U);  // moved, not repeated
  EXPECT_EQ(board.calls()[0].number, "A001");
  EXPECT_TRUE(board.calls()[0].recall);
  EXPECT_EQ(board.calls()[1].number, "A002");
}

TEST(NowServingBoard, KeepsOnlyTheLastCalls) {
  NowServingBoard board(7);
  board.fold(parsed(document({}, 0)));
  for (int seq = 1; seq <= 20; ++seq) {
    board.fold(parsed(document({call_json(seq, fmt::format("A{:03}", seq), 1)}, seq)));
  }
  ASSERT_EQ(board.calls().size(), 7U);
  EXPECT_EQ(board.calls().front().number, "A020");
  EXPECT_EQ(board.calls().back().number, "A014");
}

TEST(NowServingBoard, ASeqGoingBackwardsClearsTheBoardAndStartsOver) {
  NowServingBoard board;
  board.fold(parsed(document({call_json(40, "A040", 1)}, 40)));
  auto outcome = board.fold(parsed(document({}, 2)));  // appliance restarted; two calls since
  EXPECT_TRUE(outcome.resynced);
  EXPECT_TRUE(outcome.more_waiting);
  EXPECT_TRUE(outcome.changed);
  EXPECT_TRUE(board.calls().empty());
  EXPECT_EQ(board.after_seq(), 0);
  outcome = board.fold(parsed(document({call_json(1, "A001", 1), call_json(2, "A002", 2)}, 2)));
  EXPECT_EQ(outcome.new_calls, 2);  // real calls of the new sequence: they chime
  EXPECT_EQ(board.calls().front().number, "A002");
}

}  // namespace
}  // namespace kiosk::domain::display
