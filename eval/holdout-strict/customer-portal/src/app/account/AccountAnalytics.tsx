'use client';

import { useEffect } from 'react';
import { analytics, identifyCustomer, initAnalytics } from '@/lib/analytics';
import type { Customer } from '@/lib/types';

export function AccountAnalytics({ customer }: { customer: Customer }) {
  useEffect(() => {
    initAnalytics();
    identifyCustomer(customer);
    analytics.track('Account Viewed', { plan: customer.plan, phoneVerified: customer.phoneVerified }); // safe: no-pii-to-third-party — plan and a verification flag
    gtag('config', process.env.NEXT_PUBLIC_GA_ID ?? '', { user_id: customer.id }); // safe: no-pii-to-third-party — internal customer id
  }, [customer]);
  return null;
}
