#pragma once
// The now-serving display's rules: reading the counter link's call log document and folding it into the
// short list the hall screen shows. Pure C++: no network, no drawing, no clock.
//
// The document (GET /v1/now-serving?after=SEQ&limit=N on the kiosk appliance):
//   {"calls":[{"seq":1,"number":"A007","counter":3,"service_id":"cash","at":"2026-12-07T10:00:00Z",
//              "recall":false}],"latest_seq":1}
// seq increases by call; a recall repeats a number with recall=true. Unknown keys are ignored (readers of
// wire documents keep working when the writer adds a field); everything else is checked, with bounds, so
// a hostile or broken appliance can only make the display show "Reconnecting", never crash it.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "domain/event.hpp"
#include "domain/text/parse_result.hpp"

namespace kiosk::domain::display {

// Bounds of the document. The display asks for a few calls at a time; anything bigger is not a
// now-serving document.
inline constexpr std::size_t k_max_document_bytes = std::size_t{64} * 1024;
inline constexpr std::size_t k_max_calls_per_document = 100;
inline constexpr std::size_t k_max_number_length = 12;  // "A007"; ticket prefixes are short
inline constexpr int k_max_counter = 999;

struct Call {
  std::int64_t seq = 0;    // >= 1
  std::string number;      // A-Z, 0-9 and '-', as printed on the ticket (service prefixes are capitals)
  int counter = 0;         // 1..k_max_counter
  std::string service_id;  // may be empty when the appliance does not say
  EventTime at{};
  bool recall = false;

  friend bool operator==(const Call&, const Call&) = default;
};

struct NowServingDocument {
  std::vector<Call> calls;      // as sent; the board orders them by seq
  std::int64_t latest_seq = 0;  // the appliance's newest seq (0: no call yet today)

  friend bool operator==(const NowServingDocument&, const NowServingDocument&) = default;
};

// Never throws. Every problem is an issue with its path ("calls[2].counter: ...").
ParseResult<NowServingDocument> parse_now_serving(std::string_view text);

// What one fold changed.
struct FoldOutcome {
  int new_calls = 0;          // calls (and recalls) shown for the first time: each one chimes
  bool resynced = false;      // the appliance's seq went backwards (restart, new day): the board started over
  bool changed = false;       // anything the screen shows changed
  bool more_waiting = false;  // latest_seq is beyond the last call folded: fetch again now
};

// The calls on screen, newest first: the first is the current call, shown big.
//
// Rules: a seq at or below the last one folded is a duplicate and ignored; a recall (or a number called
// again, e.g. after a transfer) moves the number to the top and counts as a new call; at most `capacity`
// numbers are kept; a document whose latest_seq is below the last seq folded means the appliance started
// over (restart or a new branch day), so the board clears and the next fetch starts from seq 0 (calls made
// since then are new calls and chime). Until the board has caught up once after construction, what it
// folds is adopted silently (new_calls = 0): switching the display on must not chime for the whole morning.
class NowServingBoard {
 public:
  explicit NowServingBoard(std::size_t capacity = 7);

  FoldOutcome fold(const NowServingDocument& document);

  // The seq to ask for calls after.
  std::int64_t after_seq() const { return m_last_seq; }
  const std::deque<Call>& calls() const { return m_calls; }
  bool caught_up() const { return m_adopted; }

 private:
  std::size_t m_capacity;
  std::deque<Call> m_calls;
  std::int64_t m_last_seq = 0;
  bool m_adopted = false;  // false until a fold leaves nothing waiting
};

}  // namespace kiosk::domain::display
