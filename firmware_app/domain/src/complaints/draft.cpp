#include "domain/complaints/contact.hpp"
#include "draft_checks.hpp"

namespace kiosk::domain::complaints {

std::vector<DraftProblem> validate_draft(const ComplaintDraft& draft, const Taxonomy& taxonomy) {
  std::vector<DraftProblem> problems;
  const Product* product = nullptr;
  if (detail::is_blank_text(draft.product_id)) {
    problems.push_back({DraftField::product, DraftProblemCode::missing});
  } else if (product = find_product(taxonomy, draft.product_id); product == nullptr) {
    problems.push_back({DraftField::product, DraftProblemCode::unknown});
  }
  if (detail::is_blank_text(draft.issue_id)) {
    problems.push_back({DraftField::issue, DraftProblemCode::missing});
  } else if (product != nullptr && find_issue(*product, draft.issue_id) == nullptr) {
    // With an unknown product there is no list to check the issue against; the product problem says enough.
    problems.push_back({DraftField::issue, DraftProblemCode::unknown});
  }
  detail::check_text(draft.description, DraftField::description, true, k_max_description_code_points, true,
                     problems);
  detail::check_text(draft.desired_outcome, DraftField::desired_outcome, false,
                     k_max_desired_outcome_code_points, true, problems);
  detail::check_text(draft.contact.name, DraftField::name, false, k_max_name_length_code_points, false,
                     problems);
  if (!detail::is_blank_text(draft.contact.phone) && !validate_phone(draft.contact.phone)) {
    problems.push_back({DraftField::phone, DraftProblemCode::invalid_format});
  }
  if (!detail::is_blank_text(draft.contact.email) && !validate_email(draft.contact.email)) {
    problems.push_back({DraftField::email, DraftProblemCode::invalid_format});
  }
  if (draft.contact.any() && !draft.consent_given) {
    problems.push_back({DraftField::consent, DraftProblemCode::contact_without_consent});
  }
  if (draft.consent_given && !draft.contact.reachable()) {
    problems.push_back({DraftField::contact, DraftProblemCode::consent_without_contact});
  }
  return problems;
}

std::string_view to_string(DraftField field) {
  switch (field) {
    case DraftField::product:
      return "product";
    case DraftField::issue:
      return "issue";
    case DraftField::description:
      return "description";
    case DraftField::desired_outcome:
      return "desired_outcome";
    case DraftField::name:
      return "name";
    case DraftField::phone:
      return "phone";
    case DraftField::email:
      return "email";
    case DraftField::contact:
      return "contact";
    case DraftField::consent:
      return "consent";
  }
  return "contact";
}

std::string_view to_string(DraftProblemCode code) {
  switch (code) {
    case DraftProblemCode::missing:
      return "missing";
    case DraftProblemCode::unknown:
      return "unknown";
    case DraftProblemCode::too_long:
      return "too_long";
    case DraftProblemCode::invalid_utf8:
      return "invalid_utf8";
    case DraftProblemCode::invalid_characters:
      return "invalid_characters";
    case DraftProblemCode::invalid_format:
      return "invalid_format";
    case DraftProblemCode::contact_without_consent:
      return "contact_without_consent";
    case DraftProblemCode::consent_without_contact:
      return "consent_without_contact";
  }
  return "missing";
}

}  // namespace kiosk::domain::complaints
