#pragma once
// What a printed ticket and a complaint acknowledgement say, in the customer's language. Pure layout:
// the coordinator encodes the document for the printer.

#include <string>

#include "app/customer_desk.hpp"
#include "app/customer_desk_types.hpp"
#include "i18n/catalog.hpp"
#include "print/document.hpp"
#include "print/ticket_layout.hpp"

namespace kiosk::app {

struct PrintContext {
  const i18n::Catalog& catalog;
  const std::string& language;
  const std::string& bank_name;
  const std::string& time_zone;
};

// Big number, service, time, people ahead, estimate, and a QR code carrying the ticket id
// (print::make_queue_ticket lays it out).
print::Document ticket_document(const PrintContext& context, const IssuedTicket& ticket);

// Reference and code, summary, what happens next, both deadlines, how to check status, and where to
// escalate.
print::Document acknowledgement_document(const PrintContext& context, const ComplaintReceipt& receipt,
                                         const std::string& product_name, const std::string& issue_name,
                                         const std::string& description, const std::string& escalation_text);

}  // namespace kiosk::app
