#pragma once
// The layouts of the kiosk's printed papers, from already translated and formatted text (the app layer
// owns catalogs, number and time formatting). Empty fields are left out, so a layout never prints an
// empty label.

#include <string>
#include <vector>

#include "print/document.hpp"

namespace kiosk::print {

struct QueueTicketText {
  std::string header;        // branch name
  std::string number;        // "A042", printed huge and bold
  std::string service;       // "Cash and payments"
  std::string issued_at;     // "23.11.2026 12:04"
  std::string people_ahead;  // "3 people ahead of you"
  std::string estimate;      // "Estimated wait: about 10 minutes"
  std::string ticket_id;     // carried by the QR code (a status lookup scans it)
  std::string footer;        // "Please keep this ticket"
};

// Header, rule, number, service, rule, time, people ahead, estimate, QR, footer, cut.
Document make_queue_ticket(const QueueTicketText& text);

struct AcknowledgementText {
  std::string header;                   // branch name
  std::string title;                    // "Complaint received"
  std::string reference;                // "C-2026-000123", printed large and bold
  std::string received_at;              // formatted local time
  std::vector<std::string> paragraphs;  // what happens next and by when, escalation text
  std::string qr_payload;               // status lookup payload; no QR when empty
  std::string footer;
};

// Header, title, reference, time, rule, paragraphs, QR, footer, cut.
Document make_acknowledgement(const AcknowledgementText& text);

}  // namespace kiosk::print
