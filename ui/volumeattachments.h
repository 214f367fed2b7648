#pragma once
// Attaches volumes of this computer's engine to this computer: as a block device (/dev/nbdN
// through nbd-client, when running as root with the nbd kernel module) or as a file (nbdfuse,
// when FUSE is available), through the engine's Unix-socket export so replication sees every
// write. Detach undoes it; whatever is still attached is detached when this object goes (the
// console quits).

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QAction;
class QProcess;
class QWidget;

namespace rd::ui {

class VolumeAttachments final : public QObject
{
    Q_OBJECT
public:
    // localUrl: the engine's nbd+unix:///?socket=… (empty: nothing can be attached).
    VolumeAttachments(QWidget *window, std::function<QUrl()> localUrl);
    ~VolumeAttachments() override; // detaches everything
    Q_DISABLE_COPY_MOVE(VolumeAttachments)

    QAction *attachAction() const { return m_attach; }
    QAction *detachAction() const { return m_detach; }

    // The selected volume of this computer's engine (empty deviceId: none, or a remote one).
    void setSelection(const QString &deviceId, const QString &name);

    struct Attachment
    {
        QString deviceId;
        QString name;
        QString path; // the block device or the file
        bool blockDevice = false;
        QString mountPoint; // nbdfuse's
        QProcess *fuse = nullptr;
    };
    QList<Attachment> attachments() const { return m_attached; }
    // What this computer lacks to attach anything; empty when it can.
    static QString missing();

    // Attaches deviceId; attached() or failed() follows (nbdfuse takes a moment).
    void attach(const QString &deviceId, const QString &name);
    // Unmounts or disconnects; true when it is gone.
    bool detach(const QString &deviceId);

Q_SIGNALS:
    void attached(const QString &deviceId, const QString &path);
    void detached(const QString &deviceId);
    void failed(const QString &text);

private:
    void updateActions();
    void attachSelected();
    void detachSelected();
    QUrl exportUrl(const QString &deviceId) const;
    bool attachBlockDevice(const QString &deviceId, const QString &name);
    void attachFile(const QString &deviceId, const QString &name);

    QWidget *m_window;
    std::function<QUrl()> m_localUrl;
    QAction *m_attach;
    QAction *m_detach;
    QString m_selectedId;
    QString m_selectedName;
    QList<Attachment> m_attached;
};

} // namespace rd::ui
