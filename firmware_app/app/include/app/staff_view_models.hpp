#pragma once
// What the staff screens draw, already translated. Staff screens are drawn over everything while staff
// mode is open; they have no customer bar.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct StaffPinVm {
  std::string title;
  std::string prompt;
  int digits = 0;       // typed so far: drawn as dots (no glyph needed), never the digits themselves
  std::string entered;  // the same count in words
  std::string message;  // checking, wrong PIN (with tries left), locked (with the time it opens)
  bool message_is_problem = false;
  bool locked = false;    // lockout notice: no keys, only Close
  bool checking = false;  // keys disabled while the PIN is checked
  bool can_submit = false;
  std::string submit_label;
  std::string erase_label;
  std::string cancel_label;
};

struct StaffFigureVm {
  std::string id;  // stable: "waiting", "median_wait", ...
  std::string label;
  std::string value;  // formatted, with its unit; "–" with no data
  // A sparkline beside the value: one point per trend day, oldest first, 0..1 of the card's scale;
  // nullopt is a day without data (the line breaks there). Empty: no sparkline.
  std::vector<std::optional<float>> spark = {};
};

// A horizontal bar: its length is `fraction` of the widest; `alert` is said in `alert_text` as well as
// drawn in the alert colour (colour is never the only cue).
struct StaffBarVm {
  std::string id;
  std::string label;
  std::string value;
  float fraction = 0.0F;  // 0..1
  bool alert = false;
  std::string alert_text;
  // False: a status line (the device tab's printer, sync, certificates): no bar is drawn and the value
  // takes the bar's room. An alert status line is marked in the alert colour, and its `value` already
  // starts with `alert_text` in words (translated punctuation: "{alert}: {value}").
  bool track = true;
};

// One day of the trend chart: a column `fraction` high, or a gap marker when the day has no data.
struct StaffTrendDayVm {
  bool has_data = false;
  float fraction = 0.0F;
  bool today = false;
  std::optional<float> line;  // the line over the columns (median wait), 0..1; nullopt: no point that day
};

// One open complaint in the complaints tab. `alert` is said in `alert_text` as well as drawn.
struct StaffComplaintRowVm {
  std::string id;         // the complaint's id: the reprint intent's argument
  std::string reference;  // as printed
  std::string about;      // the product, translated
  std::string status;     // the status from head office, translated
  std::string deadlines;  // "Confirm by 9 Dec - answer by 29 Dec"
  bool alert = false;
  std::string alert_text;  // "Overdue" / "Due within a day"
};

struct StaffTabVm {
  std::string id;  // "queue", "today", "satisfaction", "complaints", "trend", "device"
  std::string label;
  bool selected = false;
};

struct StaffDashboardVm {
  std::string title;
  std::string subtitle;  // who is signed in and when the figures were read
  std::vector<StaffTabVm> tabs;
  std::string section_title;
  std::vector<StaffFigureVm> figures;
  std::string bars_title;
  std::vector<StaffBarVm> bars;
  std::string empty_text;              // shown instead of the bars when there are none
  std::vector<StaffTrendDayVm> trend;  // trend tab only
  std::string trend_caption;           // what the columns show, the scale and how a gap looks
  std::string refresh_label;
  std::string export_label;
  std::string sign_out_label;
  std::string export_message;  // after an export: the file name, or that it failed
  bool export_failed = false;
  // Complaints tab: open complaints, earliest deadline first, from entry `complaints_from` of
  // `complaints_total`; the screen shows as many as fit and pages with "staff.complaints_from:<n>".
  std::vector<StaffComplaintRowVm> complaints;
  std::size_t complaints_from = 0;
  std::size_t complaints_total = 0;
  std::string reprint_label;
  std::string previous_label;
  std::string next_label;
  std::string complaint_notice;  // after a reprint: the new code and how printing went
  bool complaint_notice_is_problem = false;
};

}  // namespace kiosk::app
