#pragma once
// Result values for the engine API: either a value or a CIM return code with a message.
// Nothing throws across the engine API; callers must look at what they get back.

#include <QString>

#include <optional>
#include <utility>

namespace rd::cim {

// CIM method return codes shared by the ReplicationService methods (seeds 000 and 004).
enum class ReturnCode : quint32 {
    Completed = 0,
    NotSupported = 1,
    Unknown = 2,
    Timeout = 3,
    Failed = 4,
    InvalidParameter = 5,
    InUse = 6,
    JobStarted = 4096,
    // ConcreteJob.RequestStateChange: "Invalid State Transition".
    InvalidStateTransition = 4097,
};

// A refusal: the return code, the engine's (translated) explanation and, where one parameter of
// the request is at fault, that parameter's name as the method declares it (e.g. "TargetPool"), so
// a program can tell which input to fix without reading the translated message.
struct Error
{
    quint32 code = quint32(ReturnCode::Failed);
    QString message;
    QString parameter; // empty when no single parameter is at fault

    Error() = default;
    Error(ReturnCode c, QString m, QString p = {})
        : code(quint32(c))
        , message(std::move(m))
        , parameter(std::move(p))
    {}
    Error(quint32 c, QString m, QString p = {})
        : code(c)
        , message(std::move(m))
        , parameter(std::move(p))
    {}
};

template<class T>
class [[nodiscard]] Result
{
public:
    // Default: "no result yet", so Result can travel in a QFuture.
    Result()
        : m_error(ReturnCode::Unknown, QStringLiteral("no result"))
    {}
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value from a temporary: `for (x : f().value())` then iterates a live object (a
    // reference into the dying Result would dangle until C++23's range-for lifetime rule).
    T value() && { return std::move(*m_value); }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace rd::cim
