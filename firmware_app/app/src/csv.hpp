#pragma once
// RFC 4180 CSV for staff exports: records end in CRLF; a field is quoted when it holds a comma, a quote,
// CR or LF (or starts or ends with a space, which spreadsheets would trim), and quotes inside are doubled.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

std::string csv_field(std::string_view value);
// For free text that a spreadsheet must not run as a formula (a masked phone number starts with "+"):
// a leading =, +, -, @, tab or CR gets a ' in front (the OWASP CSV-injection advice).
std::string spreadsheet_safe(std::string_view text);
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace kiosk::app
