import { useQuery } from '@tanstack/react-query';
import { Button, Image, Modal, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';

/** Opens a finding's screenshot (evidence), loaded only when asked for. */
export function ScreenshotButton({ findingId }: { findingId: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const shot = useQuery({ ...trpc.assessment.inputs.screenshot.queryOptions({ findingId }), enabled: open });
  return (
    <>
      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setOpen(true)}>
        {t('assessment.findings.viewScreenshot')}
      </Button>
      {open && (
        <Modal open width={900} footer={null} onCancel={() => setOpen(false)} title={t('assessment.findings.screenshot')}>
          {shot.data ? <Image src={shot.data.dataUrl} preview={false} /> : <Spin />}
        </Modal>
      )}
    </>
  );
}
