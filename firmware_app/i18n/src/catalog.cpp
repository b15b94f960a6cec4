#include "i18n/catalog.hpp"

#include <utility>

#include "i18n/plural_rule.hpp"
#include "i18n/po_file.hpp"

// Entries that are fuzzy or have an empty form are dropped at load, so a lookup only has to ask "is
// it there?". An empty context and no context are the same key: trc("", x) is documented as tr(x).
// A moved-from Catalog has no Impl; every lookup checks for that and answers like the empty catalog,
// because the move constructor is noexcept and cannot allocate a fresh one.

namespace kiosk::i18n {
namespace {

// gettext's own separator between context and msgid; it cannot appear in a parsed string.
constexpr char k_context_separator = '\x04';

std::string make_key(std::string_view context, std::string_view msgid) {
  std::string key;
  key.reserve(context.size() + 1 + msgid.size());
  key += context;
  key += k_context_separator;
  key += msgid;
  return key;
}

std::string key_of(const PoEntry& entry) {
  if (entry.context && !entry.context->empty()) {
    return make_key(*entry.context, entry.msgid);
  }
  return entry.msgid;
}

std::string_view english_plural(std::string_view singular, std::string_view plural, std::uint64_t n) {
  return n == 1 ? singular : plural;
}

}  // namespace

struct Catalog::Impl {
  struct Message {
    std::vector<std::string> forms;  // never empty, no empty string
    bool plural = false;
  };

  std::string language;
  PluralRule rule = PluralRule::english();
  // key (msgid, or context + '\x04' + msgid) -> translation; only entries fully translated
  std::map<std::string, Message, std::less<>> messages;

  const Message* find(std::string_view key) const {
    const auto it = messages.find(key);
    return it == messages.end() ? nullptr : &it->second;
  }
};

Catalog::Catalog() : m_impl(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

std::optional<Catalog> Catalog::load_po_file(const std::filesystem::path& path, std::string* error) {
  PoError po_error;
  auto file = read_po_file(path, &po_error);
  if (!file) {
    if (error != nullptr) {
      *error = po_error.describe();
    }
    return std::nullopt;
  }
  return from_po_file(std::move(*file), path.string(), error);
}

std::optional<Catalog> Catalog::parse_po(std::string_view text, std::string_view source_name,
                                         std::string* error) {
  PoError po_error;
  auto file = i18n::parse_po(text, source_name, &po_error);
  if (!file) {
    if (error != nullptr) {
      *error = po_error.describe();
    }
    return std::nullopt;
  }
  return from_po_file(std::move(*file), source_name, error);
}

std::optional<Catalog> Catalog::from_po_file(PoFile file, std::string_view source_name, std::string* error) {
  Catalog catalog;
  if (const auto plural_forms = file.header_field("Plural-Forms")) {
    std::string why;
    auto rule = PluralRule::parse(*plural_forms, &why);
    if (!rule) {
      if (error != nullptr) {
        *error = PoError{std::string(source_name), file.header_line, "Plural-Forms: " + why}.describe();
      }
      return std::nullopt;
    }
    catalog.m_impl->rule = std::move(*rule);
  }
  catalog.m_impl->language = std::string(file.header_field("Language").value_or(""));
  for (auto& entry : file.entries) {
    if (!entry.is_fuzzy() && entry.is_translated()) {
      catalog.m_impl->messages.insert_or_assign(key_of(entry),
                                                Impl::Message{std::move(entry.msgstr), entry.is_plural()});
    }
  }
  return catalog;
}

std::string_view Catalog::tr(std::string_view msgid) const {
  const auto* message = m_impl ? m_impl->find(msgid) : nullptr;
  return message != nullptr ? std::string_view(message->forms.front()) : msgid;
}

std::string_view Catalog::trc(std::string_view context, std::string_view msgid) const {
  if (context.empty()) {
    return tr(msgid);
  }
  const auto* message = m_impl ? m_impl->find(make_key(context, msgid)) : nullptr;
  return message != nullptr ? std::string_view(message->forms.front()) : msgid;
}

std::string_view Catalog::tr_n(std::string_view singular, std::string_view plural, std::uint64_t n) const {
  const auto* message = m_impl ? m_impl->find(singular) : nullptr;
  // A singular entry under this msgid has no forms to choose from; English rules beat a wrong form.
  if (message == nullptr || !message->plural) {
    return english_plural(singular, plural, n);
  }
  const auto& forms = message->forms;
  const auto form = m_impl->rule.form_for(n);
  // A catalog may carry fewer forms than its nplurals; form 0 is the documented fallback.
  return form < forms.size() ? std::string_view(forms[form]) : std::string_view(forms.front());
}

const std::string& Catalog::language() const {
  static const std::string k_none;
  return m_impl ? m_impl->language : k_none;
}

}  // namespace kiosk::i18n
