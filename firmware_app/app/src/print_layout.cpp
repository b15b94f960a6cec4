#include "app/print_layout.hpp"

#include "domain/text/utf8.hpp"
#include "flows/flow_context.hpp"
#include "flows/flows.hpp"

namespace kiosk::app {
namespace {

constexpr std::size_t k_summary_characters = 300;

std::string labelled(const std::string& label, const std::string& value) {
  return label + ": " + value;
}

std::string date_time(const PrintContext& context, UtcTime instant) {
  return local_date_text(instant, context.time_zone, context.language) + " " +
         local_time_text(instant, context.time_zone);
}

}  // namespace

print::Document ticket_document(const PrintContext& context, const IssuedTicket& ticket) {
  const auto& catalog = context.catalog;
  print::QueueTicketText text;
  text.header = context.bank_name;
  text.number = ticket.number;
  text.service = ticket.service_name;
  text.issued_at = date_time(context, ticket.issued_at);
  text.people_ahead = people_ahead_text(catalog, ticket.people_ahead);
  text.estimate = estimate_text(catalog, ticket.wait);
  if (ticket.appointment_at) {
    text.estimate +=
        (text.estimate.empty() ? "" : "\n") +
        i18n::format_named(std::string(catalog.tr("Appointment at {time}")),
                           {{"time", local_time_text(*ticket.appointment_at, context.time_zone)}});
  }
  text.ticket_id = ticket.id;
  text.footer = std::string(catalog.tr("Please wait until your number is shown on the screen."));
  return print::make_queue_ticket(text);
}

print::Document acknowledgement_document(const PrintContext& context, const ComplaintReceipt& receipt,
                                         const std::string& product_name, const std::string& issue_name,
                                         const std::string& description, const std::string& escalation_text) {
  const auto& catalog = context.catalog;
  const auto date = [&](UtcTime instant) {
    return local_date_text(instant, context.time_zone, context.language);
  };
  print::AcknowledgementText text;
  text.header = context.bank_name;
  text.title = std::string(catalog.tr("Complaint received"));
  text.reference = receipt.reference;
  text.received_at = labelled(std::string(catalog.tr("Received")), date_time(context, receipt.received_at));
  std::string summary(domain::first_code_points(description, k_summary_characters));
  if (summary.size() < description.size())
    summary += "...";
  text.paragraphs = {
      labelled(std::string(catalog.tr("Your code")), receipt.lookup_code),
  };
  if (receipt.reprinted_at) {
    text.paragraphs.push_back(i18n::format_named(
        catalog.tr("Copy printed {time}. The code on any earlier receipt no longer works."),
        {{"time", date_time(context, *receipt.reprinted_at)}}));
  }
  text.paragraphs.insert(
      text.paragraphs.end(),
      {
          labelled(std::string(catalog.tr("About")), product_name) + "\n" +
              labelled(std::string(catalog.tr("What went wrong")), issue_name),
          summary,
          receipt.high_priority
              ? std::string(catalog.tr("This is marked urgent. A complaints officer will look at it first."))
              : std::string(catalog.tr(
                    "A complaints officer will look at it and contact you if you left your details.")),
          labelled(std::string(catalog.tr("We confirm we are handling it by")),
                   date(receipt.acknowledge_by)) +
              "\n" +
              labelled(std::string(catalog.tr("You get our final answer by")),
                       date(receipt.final_response_by)),
          std::string(catalog.tr(
              "To check the status, choose \"Check a complaint\" on the kiosk and type your reference and "
              "code, or ask a member of staff.")),
      });
  if (!escalation_text.empty())
    text.paragraphs.push_back(escalation_text);
  text.footer = std::string(catalog.tr("Keep this receipt."));
  return print::make_acknowledgement(text);
}

}  // namespace kiosk::app
