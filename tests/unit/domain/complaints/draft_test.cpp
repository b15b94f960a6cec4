#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/complaints/contact.hpp"

namespace kiosk::domain::complaints {
namespace {

Taxonomy small_taxonomy() {
  Taxonomy taxonomy;
  taxonomy.version = "t1";
  Product atm;
  atm.id = "atm";
  atm.issues = {Issue{"card_retained", {}, {}}, Issue{"other", {}, {}}};
  taxonomy.products.push_back(atm);
  return taxonomy;
}

ComplaintDraft valid_draft() {
  ComplaintDraft draft;
  draft.product_id = "atm";
  draft.issue_id = "card_retained";
  draft.description = "The ATM kept my card.\nI need it back today.";
  return draft;
}

std::vector<DraftProblem> problems_of(const ComplaintDraft& draft) {
  return validate_draft(draft, small_taxonomy());
}

TEST(Draft, AValidDraftHasNoProblems) {
  EXPECT_TRUE(problems_of(valid_draft()).empty());
  ComplaintDraft with_contact = valid_draft();
  with_contact.contact = {"Kari", "+47 912 34 567", "kari@example.no"};
  with_contact.consent_given = true;
  with_contact.desired_outcome = "Return the card.";
  EXPECT_TRUE(problems_of(with_contact).empty());
}

TEST(Draft, ProductAndIssueMustBeKnown) {
  ComplaintDraft draft = valid_draft();
  draft.product_id = "";
  draft.issue_id = " ";
  EXPECT_EQ(problems_of(draft), (std::vector<DraftProblem>{{DraftField::product, DraftProblemCode::missing},
                                                           {DraftField::issue, DraftProblemCode::missing}}));
  draft.product_id = "mortgage";
  draft.issue_id = "card_retained";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::product, DraftProblemCode::unknown}}));
  draft.product_id = "atm";
  draft.issue_id = "wait_time";
  EXPECT_EQ(problems_of(draft), (std::vector<DraftProblem>{{DraftField::issue, DraftProblemCode::unknown}}));
}

TEST(Draft, DescriptionIsRequiredAndCountedInCharacters) {
  ComplaintDraft draft = valid_draft();
  draft.description = " \n ";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::description, DraftProblemCode::missing}}));
  draft.description = "x";
  EXPECT_TRUE(problems_of(draft).empty());
  // 4000 Chinese characters are 12000 bytes but within the limit; one more is too long.
  draft.description.clear();
  for (std::size_t i = 0; i < k_max_description_code_points; ++i) {
    draft.description += "银";
  }
  EXPECT_TRUE(problems_of(draft).empty());
  draft.description += "\n";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::description, DraftProblemCode::too_long}}));
}

TEST(Draft, DescriptionMustBeCleanUtf8) {
  ComplaintDraft draft = valid_draft();
  draft.description = "abc\xc3";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::description, DraftProblemCode::invalid_utf8}}));
  draft.description = std::string("abc\0def", 7);
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::description, DraftProblemCode::invalid_characters}}));
  draft.description = "Line one\r\nLine two\tTabbed";
  EXPECT_TRUE(problems_of(draft).empty());
}

TEST(Draft, DesiredOutcomeIsOptionalButLimited) {
  ComplaintDraft draft = valid_draft();
  draft.desired_outcome = std::string(k_max_desired_outcome_code_points, 'a');
  EXPECT_TRUE(problems_of(draft).empty());
  draft.desired_outcome += "a";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::desired_outcome, DraftProblemCode::too_long}}));
}

TEST(Draft, ContactWithoutConsentIsAProblem) {
  ComplaintDraft draft = valid_draft();
  draft.contact.phone = "91234567";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::consent, DraftProblemCode::contact_without_consent}}));
  draft.contact = {"Kari", "", ""};  // a name alone is personal data too
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::consent, DraftProblemCode::contact_without_consent}}));
}

TEST(Draft, ConsentWithoutAWayToReachTheCustomerIsAProblem) {
  ComplaintDraft draft = valid_draft();
  draft.consent_given = true;
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::contact, DraftProblemCode::consent_without_contact}}));
  draft.contact.name = "Kari";
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::contact, DraftProblemCode::consent_without_contact}}));
  draft.contact.email = "kari@example.no";
  EXPECT_TRUE(problems_of(draft).empty());
}

TEST(Draft, ContactFieldsAreChecked) {
  ComplaintDraft draft = valid_draft();
  draft.consent_given = true;
  draft.contact = {"Kari\nNordmann", "12", "kari@"};
  EXPECT_EQ(problems_of(draft),
            (std::vector<DraftProblem>{{DraftField::name, DraftProblemCode::invalid_characters},
                                       {DraftField::phone, DraftProblemCode::invalid_format},
                                       {DraftField::email, DraftProblemCode::invalid_format}}));
  draft.contact = {std::string(k_max_name_length_code_points + 1, 'K'), "91234567", ""};
  EXPECT_EQ(problems_of(draft), (std::vector<DraftProblem>{{DraftField::name, DraftProblemCode::too_long}}));
}

TEST(Draft, ReportsEveryProblemInFormOrder) {
  ComplaintDraft draft;
  draft.contact.email = "bad";
  const auto problems = problems_of(draft);
  EXPECT_EQ(problems,
            (std::vector<DraftProblem>{{DraftField::product, DraftProblemCode::missing},
                                       {DraftField::issue, DraftProblemCode::missing},
                                       {DraftField::description, DraftProblemCode::missing},
                                       {DraftField::email, DraftProblemCode::invalid_format},
                                       {DraftField::consent, DraftProblemCode::contact_without_consent}}));
}

TEST(Draft, ProblemWordsAreStable) {
  EXPECT_EQ(to_string(DraftField::desired_outcome), "desired_outcome");
  EXPECT_EQ(to_string(DraftField::consent), "consent");
  EXPECT_EQ(to_string(DraftProblemCode::too_long), "too_long");
  EXPECT_EQ(to_string(DraftProblemCode::consent_without_contact), "consent_without_contact");
}

}  // namespace
}  // namespace kiosk::domain::complaints
