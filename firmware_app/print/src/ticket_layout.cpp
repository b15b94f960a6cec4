#include "print/ticket_layout.hpp"

namespace kiosk::print {
namespace {

constexpr TextStyle kCentered{TextSize::normal, false, Align::center};
constexpr TextStyle kCenteredBold{TextSize::normal, true, Align::center};

void add_if(Document& document, const std::string& text, TextStyle style) {
  if (!text.empty())
    document.text(text, style);
}

}  // namespace

Document make_queue_ticket(const QueueTicketText& text) {
  Document document;
  add_if(document, text.header, kCenteredBold);
  document.rule();
  add_if(document, text.number, TextStyle{TextSize::huge, true, Align::center});
  add_if(document, text.service, TextStyle{TextSize::large, false, Align::center});
  document.rule();
  add_if(document, text.issued_at, kCentered);
  add_if(document, text.people_ahead, kCentered);
  add_if(document, text.estimate, kCentered);
  if (!text.ticket_id.empty()) {
    document.feed(1);
    document.qr(text.ticket_id);
  }
  add_if(document, text.footer, kCentered);
  document.feed(2);
  document.cut();
  return document;
}

Document make_acknowledgement(const AcknowledgementText& text) {
  Document document;
  add_if(document, text.header, kCenteredBold);
  document.rule();
  add_if(document, text.title, TextStyle{TextSize::large, true, Align::center});
  add_if(document, text.reference, TextStyle{TextSize::large, true, Align::center});
  add_if(document, text.received_at, kCentered);
  document.rule();
  for (const std::string& paragraph : text.paragraphs) {
    add_if(document, paragraph, TextStyle{});
    document.feed(1);
  }
  if (!text.qr_payload.empty())
    document.qr(text.qr_payload);
  add_if(document, text.footer, kCentered);
  document.feed(2);
  document.cut();
  return document;
}

}  // namespace kiosk::print
